package org.irmer.entitlement.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code entitlement demo} runs: the tool's own commands on the sample trust, in order, with
 * the instant each speaks for. The checks are the rows of the sample trust's README, one or more
 * for every outcome, at the instant it names.
 */
final class DemoScript {

  static final String CHECKED = "2026-12-01T10:00:00Z";

  /** The task the demo's delegate decides: HV-1003's training in its grace period at RHV. */
  static final String DECIDED_TASK = "T-RHV-2";

  private DemoScript() {}

  /**
   * One step: a heading that starts a section (or null), lines of explanation, and the tool's
   * arguments (none for a note alone) with the exit codes the step expects.
   */
  record Step(String heading, List<String> note, String[] args, Set<Integer> expectedExitCodes,
      boolean timed) {

    static Step section(String heading, String... note) {
      return new Step(heading, List.of(note), new String[0], Set.of(), false);
    }

    static Step run(int expected, String... args) {
      return new Step(null, List.of(), args, Set.of(expected), false);
    }

    static Step check(int expected, String referrer, String exam, String... more) {
      List<String> args = new ArrayList<>(List.of("check", "--referrer", referrer, "--exam", exam));
      args.addAll(List.of(more));
      boolean patientGiven = args.contains("--birth-date");
      if (!patientGiven) {
        args.addAll(List.of("--birth-date", "1980-06-15", "--sex", "MALE", "--pregnancy", "NOT_PREGNANT"));
      }
      if (!args.contains("--info")) {
        args.addAll(List.of("--info", "CLINICAL_QUESTION"));
      }
      if (!args.contains("--at")) {
        args.addAll(List.of("--at", CHECKED));
      }
      return new Step(null, List.of(), args.toArray(String[]::new), Set.of(expected), false);
    }

    Step withTiming() {
      return new Step(heading, note, args, expectedExitCodes, true);
    }
  }

  /** The referral log the demo writes, as {@code generate-referrals} makes it. */
  static final int LOG_ROWS = 10_000;

  /** The steps, importing {@code sampleTrust} and writing the referral log to {@code log}. */
  static List<Step> steps(Path sampleTrust, Path log) {
    List<Step> steps = new ArrayList<>();
    steps.add(Step.section("A fresh register, and the sample trust imported",
        "Three invented imaging employers: Harrowfield Valley NHS Trust (RHV), Kestrel Moor NHS",
        "Foundation Trust (RKM) and Northpoint Imaging Ltd (NPX), their written procedures, named",
        "delegates, referrers, entitlements with written scopes, training, a shared-responsibility",
        "agreement, an examination catalogue and referral guidelines. All of it is fictional."));
    steps.add(Step.run(ExitCodes.OK, "import", sampleTrust.toString(), "--at", "2026-12-01T08:00:00Z"));
    steps.add(Step.section("Referral checks at " + CHECKED + ", one or more for every outcome",
        "Each check is what an ordering system asks at the moment of the request; only ENTITLED",
        "lets a request proceed (exit 0). Every reason is given, not just the first, and every",
        "decision is recorded in the audit trail. Unless said, the patient is a man born 1980-06-15."));
    steps.add(Step.check(ExitCodes.OK, "HV-1001", "XANKR", "--setting", "ED@HV-GENERAL"));
    steps.add(Step.check(ExitCodes.REFUSED, "HV-1001", "XKNER", "--setting", "ED@HV-GENERAL"));
    steps.add(Step.check(ExitCodes.REFUSED, "HV-1001", "XANKR", "--setting", "WARD@HV-GENERAL"));
    steps.add(Step.check(ExitCodes.REFUSED, "HV-1002", "MLSPI", "--setting", "MSK_OUTPATIENT@HV-GENERAL"));
    steps.add(Step.check(ExitCodes.OK, "HV-1003", "XWRIL", "--setting", "MIU@HV-COMMUNITY"));
    steps.add(Step.check(ExitCodes.REFUSED, "HV-1012", "XANKL", "--setting", "MIU@HV-COMMUNITY"));
    steps.add(Step.check(ExitCodes.REFUSED, "HV-1014", "XANKL"));
    steps.add(Step.check(ExitCodes.REFUSED, "KM-2001", "XANKL", "--setting", "ED@KM-INFIRMARY"));
    steps.add(Step.check(ExitCodes.UNDECIDED, "KM-2003", "XLSPI", "--birth-date", "1996-03-02",
        "--sex", "FEMALE"));
    steps.add(Step.check(ExitCodes.UNDECIDED, "HV-1004", "CABPC", "--setting", "ED@HV-GENERAL",
        "--contrast"));
    steps.add(Step.check(ExitCodes.UNDECIDED, "HV-1001", "XZZZZ", "--setting", "ED@HV-GENERAL"));
    steps.add(Step.check(ExitCodes.REFUSED, "KM-2002", "MKNEL", "--birth-date", "2008-12-02",
        "--info", "CLINICAL_QUESTION", "IMPLANT_STATUS"));
    steps.add(Step.check(ExitCodes.OK, "HV-1020", "CHEAD", "--setting", "ED@HV-GENERAL"));
    steps.add(Step.check(ExitCodes.OK, "HV-1005", "XFOOL", "--employer", "NPX", "--setting",
        "PODIATRY_CLINIC@NP-CITY"));
    steps.add(Step.check(ExitCodes.OK, "HV-1004", "XLSPI", "--setting", "ED@HV-GENERAL",
        "--indication", "SIMPLE_MECHANICAL_BACK_PAIN"));

    steps.add(Step.section("A lifecycle story: an application, a check, a suspension",
        "The emergency nurse practitioner (HV-1001) is not entitled to knee X-rays. She applies; the",
        "named delegate (HV-0001) approves; the same request is then entitled. An incident follows:",
        "the delegate suspends her entitlements, and the same requests are refused at once."));
    steps.add(Step.run(ExitCodes.OK, "apply", "--as", "HV-1001", "--referrer", "HV-1001",
        "--id", "APP-DEMO-1", "--service-need", "Emergency department: knee X-rays for adult injuries",
        "--rule-id", "knee", "--modality", "PLAIN_RADIOGRAPHY", "--include", "KNEE", "--min-age", "16",
        "--in-setting", "ED@HV-GENERAL", "--supervisor", "HV-0002", "--clinical-lead", "HV-0003",
        "--manager", "HV-0004", "--evidence", "COMPETENCY_SIGN_OFF:Knee image interpretation:HV-DOC-DEMO-1",
        "--at", "2026-12-01T09:00:00Z"));
    steps.add(Step.run(ExitCodes.OK, "approve", "APP-DEMO-1", "--as", "HV-0001", "--cause",
        "service need and competence evidenced", "--at", "2026-12-01T09:30:00Z"));
    steps.add(Step.check(ExitCodes.OK, "HV-1001", "XKNER", "--setting", "ED@HV-GENERAL"));
    steps.add(Step.run(ExitCodes.OK, "suspend", "ENT-HV-1001-1", "--as", "HV-0001", "--cause",
        "incident under review", "--at", "2026-12-01T10:15:00Z"));
    steps.add(Step.run(ExitCodes.OK, "suspend", "E-APP-DEMO-1", "--as", "HV-0001", "--cause",
        "incident under review", "--at", "2026-12-01T10:15:00Z"));
    steps.add(Step.check(ExitCodes.REFUSED, "HV-1001", "XANKR", "--setting", "ED@HV-GENERAL",
        "--at", "2026-12-01T10:30:00Z"));
    steps.add(Step.check(ExitCodes.REFUSED, "HV-1001", "XKNER", "--setting", "ED@HV-GENERAL",
        "--at", "2026-12-01T10:30:00Z"));
    steps.add(Step.run(ExitCodes.OK, "show", "HV-1001"));
    steps.add(Step.run(ExitCodes.OK, "history", "ENT-HV-1001-1"));

    steps.add(Step.section("The compliance sweep",
        "What the sweep would do is shown first (--dry-run changes nothing), then it runs: notices",
        "due take effect, registrations are compared with the regulators' registers, lapsed",
        "training and overdue audits suspend, reviews due are flagged, and the delegates are given",
        "tasks: reviews due, low activity (principle 6), training in its grace period..."));
    steps.add(Step.run(ExitCodes.OK, "sweep", "--dry-run", "--at", "2026-12-01T11:00:00Z"));
    steps.add(Step.run(ExitCodes.OK, "sweep", "--at", "2026-12-01T11:00:00Z"));

    steps.add(Step.section("The delegates' tasks",
        "The work the sweep raised for Harrowfield Valley's delegates, due date first. HV-1003's",
        "referrer training has lapsed under a warn-with-grace policy: the delegate HV-0001 keeps the",
        "entitlement while it is renewed, which is recorded with the decision; only a delegate of",
        "the employer may decide (principle 1)."));
    steps.add(Step.run(ExitCodes.OK, "tasks", "list", "--employer", "RHV", "--state", "OPEN"));
    steps.add(Step.run(ExitCodes.OK, "tasks", "decide", DECIDED_TASK, "KEEP", "--as", "HV-0001",
        "--note", "refresher booked for 2026-12-10; keeps referring in the grace period",
        "--at", "2026-12-01T11:30:00Z"));
    steps.add(Step.run(ExitCodes.OK, "tasks", "show", DECIDED_TASK));

    steps.add(Step.section("A referral log, audited as of each request's instant",
        String.format(Locale.ROOT, "%,d plausible referrals by the register's referrers"
            + " on 1 December 2026, most inside", LOG_ROWS),
        "a rule of their scope and some just outside it, written as CSV (entitlement-adapter-json's",
        "LOGS.md), then judged as the check would have judged each one at its own instant: before",
        "or after the suspension above, the sweep and the delegate's decision (principle 10). The",
        "report is one HTML page with its charts; the register is only read, and the run leaves",
        "one audit record."));
    steps.add(Step.run(ExitCodes.OK, "generate-referrals", "--rows", String.valueOf(LOG_ROWS),
        "--seed", "2026", "--from", "2026-12-01T08:00:00Z", "--to", "2026-12-02T00:00:00Z",
        "--out", log.toString()));
    steps.add(Step.run(ExitCodes.OK, "audit", log.toString(), "--format", "html", "--out",
        auditReport(log).toString(), "--force", "--at", "2026-12-02T09:00:00Z"));

    steps.add(Step.section("The written scope of entitlement",
        "What the employer gives the referrer (principle 3): HV-1003's scope in plain English,",
        "with the delegate who granted it, the training it needs and when that expires, the",
        "supervision lines, validity and review dates, and the statement that it does not entitle",
        "them to clinically evaluate (principle 11); as HTML and as a PDF."));
    steps.add(Step.run(ExitCodes.OK, "letter", "HV-1003", "--out", letter(log, "html").toString(),
        "--force", "--at", "2026-12-02T09:00:00Z"));
    steps.add(Step.run(ExitCodes.OK, "letter", "HV-1003", "--format", "pdf", "--out",
        letter(log, "pdf").toString(), "--force", "--at", "2026-12-02T09:00:00Z"));

    steps.add(Step.section("The audit trail",
        "Every command and every decision is a record of a hash chain. A checkpoint signed with a",
        "key kept outside the database anchors it: a changed, removed or re-chained record shows."));
    steps.add(Step.run(ExitCodes.OK, "checkpoint"));
    steps.add(Step.run(ExitCodes.OK, "verify-trail"));
    return steps;
  }

  /** The audit report of the demo's referral log, beside it. */
  static Path auditReport(Path log) {
    return log.resolveSibling("audit-report.html");
  }

  /** HV-1003's scope letter in {@code format} (html or pdf), beside the referral log. */
  static Path letter(Path log, String format) {
    return log.resolveSibling("letter-HV-1003." + format);
  }

  static List<String> nextSteps(Path demo) {
    String data = " --data " + demo;
    return List.of(
        "",
        "Try next (each command has --help; exit codes are in CLI.md):",
        "  ./entitlement" + data + " show HV-1003",
        "  ./entitlement" + data + " list entitlements --status SUSPENDED",
        "  ./entitlement" + data + " tasks list --state OPEN --kind LOW_ACTIVITY",
        "  ./entitlement" + data + " check --referrer HV-1010 --exam BMAMB --birth-date 1970-01-01 --sex FEMALE --pregnancy NOT_PREGNANT --json",
        "  ./entitlement" + data + " reinstate ENT-HV-1001-1 --as HV-0001 --cause 'review closed'",
        "  ./entitlement" + data + " export exported-register",
        "  source <(./entitlement completion)");
  }
}
