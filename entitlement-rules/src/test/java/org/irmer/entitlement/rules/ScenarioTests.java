package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.NOW;
import static org.irmer.entitlement.rules.TestTrust.SITE_X;
import static org.irmer.entitlement.rules.TestTrust.SITE_Y;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.LocalDate;
import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Evidence;
import org.irmer.entitlement.core.domain.EvidenceKind;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.NonComplianceAction;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskDecision;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.service.ApplicationService;
import org.irmer.entitlement.core.service.ComplianceSweepService;
import org.irmer.entitlement.core.service.EntitlementService;
import java.time.Period;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.out.Notification;
import org.junit.jupiter.api.Test;

/**
 * The twelve example scenarios of DOMAIN.md section 6, each end to end: the lifecycle commands that
 * set the scene and the decisions that follow, checked by both engines.
 */
class ScenarioTests {

  @Test
  void s1PhysiotherapistAskingForMriLumbarSpineIsOutOfScopeOnModalityAndExamination() {
    TestTrust trust = new TestTrust();
    PersonId physio = trust.referrer("P", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.entitle(physio, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB,
        BodyRegion.LOWER_LIMB).addSetting(CareSetting.of("MSK_OUTPATIENT")).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(physio, "MLSPI")
        .setting(CareSetting.at("MSK_OUTPATIENT", SITE_X)).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }

  @Test
  void s2EmergencyNursePractitionerMayNotRequestAnExcludedKneeButMayRequestAnAnkle() {
    TestTrust trust = new TestTrust();
    PersonId enp = trust.referrer("E", Profession.NURSE, Regulator.NMC);
    trust.entitle(enp, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB,
        BodyRegion.LOWER_LIMB)
        .addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR).build());

    ReferralDecision knee = trust.evaluator().evaluate(request(enp, "XKNER").build());
    ReferralDecision ankle = trust.evaluator().evaluate(request(enp, "XANKR").build());

    assertThat(knee.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(knee.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(ankle.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(ankle.basis()).contains(DecisionBasis.INDIVIDUAL_ENTITLEMENT);
    assertThat(ankle.matchedRule().orElseThrow().ruleId()).isEqualTo("XR-LIMBS");
  }

  @Test
  void s3MinimumAgeEighteenRefusesTheDayBeforeTheBirthdayAndAdmitsTheBirthday() {
    TestTrust trust = new TestTrust();
    PersonId fcp = trust.referrer("F", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.entitle(fcp, rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).minAge(18).build());
    LocalDate eighteenthBirthday = TODAY;
    LocalDate born = eighteenthBirthday.minusYears(18);

    ReferralDecision aged17y364d = trust.evaluator().evaluate(request(fcp, "MKNER")
        .patient(adult(born.plusDays(1))).build());
    ReferralDecision onBirthday = trust.evaluator().evaluate(request(fcp, "MKNER")
        .patient(adult(born)).build());

    assertThat(aged17y364d.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_AGE);
    assertThat(onBirthday.outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void s4SuspendedReferrerIsRefusedWhateverTheRequestAndTheAttemptDoesNotCountAgainstThem() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement entitlement = trust.entitle(referrer,
        rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());
    trust.setStatus(entitlement.id(), EntitlementStatus.SUSPENDED);
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    ReferralDecision inScope = check.check(request(referrer, "XANKR").build());
    ReferralDecision outOfScope = check.check(request(referrer, "CHEAD").build());

    assertThat(inScope.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(inScope.reasonCodes()).containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
    assertThat(outOfScope.reasonCodes()).containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
    assertThat(trust.register.complianceEvents().forReferrer(referrer, TestTrust.TRUST_A))
        .hasSize(2)
        .allSatisfy(event -> {
          assertThat(event.kind()).isEqualTo(ComplianceEventKind.BLOCKED_ATTEMPT);
          assertThat(event.countsTowardsNonCompliance()).isFalse();
        });
    assertThat(trust.register.auditTrail().size()).isEqualTo(2);
    assertThat(trust.register.tasks().query(TaskQuery.all())).isEmpty();
    assertThat(Wiring.sweep(trust.register).sweep(NOW).tasksRaised()).isEmpty();
  }

  @Test
  void s5TrainingExpiredYesterdayBlocksUnderABlockingPolicy() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.BLOCK);
    PersonId referrer = expiredIrmerTrainingReferrer(trust);

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XWRIR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.TRAINING_EXPIRED);
  }

  @Test
  void s5TrainingExpiredYesterdayIsAllowedWithTwentyNineDaysOfGraceAndATaskForTheDelegate() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = expiredIrmerTrainingReferrer(trust);

    ReferralDecision decision = Wiring.referralCheck(trust.evaluator(), trust.register)
        .check(request(referrer, "XWRIR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.warningCodes()).containsExactly(WarningCode.TRAINING_EXPIRED_IN_GRACE);
    assertThat(decision.warnings().get(0).daysLeft()).hasValue(29);
    assertThat(trust.memory.notifications()).extracting(Notification::recipient)
        .contains(Notification.delegatesOf(TestTrust.TRUST_A));
  }

  @Test
  void s6ExpiredMriSafetyTrainingBlocksMriKneeButNotXrayKnee() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.untrainedReferrer("R", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.train(referrer, TrainingType.IRMER_REFERRER, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
    trust.train(referrer, TrainingType.MRI_SAFETY, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31));
    trust.entitle(referrer,
        rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB).build(),
        rule("MRI-KNEE", Modality.MRI, BodyRegion.KNEE).build());

    ReferralDecision mri = trust.evaluator().evaluate(request(referrer, "MKNER").build());
    ReferralDecision xray = trust.evaluator().evaluate(request(referrer, "XKNER").build());

    assertThat(mri.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(mri.reasonCodes()).containsExactly(ReasonCode.TRAINING_EXPIRED);
    assertThat(xray.outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void s7EntitlementSuspendedForARoleChangeRefusesRequestsFromTheNewRole() {
    TestTrust trust = new TestTrust();
    PersonId nurse = trust.referrer("A", Profession.NURSE, Regulator.NMC);
    Entitlement ed = trust.entitle(nurse,
        rule("ED-XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).addSetting(CareSetting.of("ED")).build());
    trust.setStatus(ed.id(), EntitlementStatus.SUSPENDED);

    ReferralDecision decision = trust.evaluator().evaluate(request(nurse, "XANKR")
        .setting(CareSetting.at("MSK_OUTPATIENT", SITE_X)).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
  }

  @Test
  void s8GuidelineSayingNotIndicatedAddsAnAdvisoryButDoesNotChangeTheOutcome() {
    TestTrust trust = new TestTrust();
    IndicationCode backPain = IndicationCode.of("SIMPLE_MECHANICAL_BACK_PAIN");
    trust.memory.withGuidelines(java.util.List.of(GuidelineEntry.builder()
        .id(GuidelineId.of("MSK-LBP-1"))
        .indication(backPain)
        .clinicalProblem("Simple mechanical back pain")
        .examination(ExaminationCode.of("XLSPI"))
        .recommendation(GuidelineRecommendation.NOT_INDICATED)
        .doseBand(DoseBand.II)
        .comment("Imaging is not indicated without red flags.")
        .build()));
    PersonId referrer = trust.referrer("R", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.entitle(referrer, rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XLSPI")
        .indication(backPain)
        .patient(Patient.builder().birthDate(TestTrust.PATIENT_BORN).sex(Sex.MALE).build())
        .build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.advisories()).singleElement().satisfies(advisory -> {
      assertThat(advisory.recommendation()).isEqualTo(GuidelineRecommendation.NOT_INDICATED);
      assertThat(advisory.doseBand()).isEqualTo(DoseBand.II);
    });
  }

  @Test
  void s9ReferrerEntitlementDoesNotEntitleClinicalEvaluationAndIsLeftUnchanged() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.RADIOGRAPHER, Regulator.HCPC);
    Entitlement before = trust.entitle(referrer,
        rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    ReferralDecision decision = Wiring.clinicalCheck(trust.evaluator(), trust.register)
        .check(request(referrer, "XKNER").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
    assertThat(trust.register.entitlements().history(before.id())).containsExactly(before);
    assertThat(trust.evaluator().evaluate(request(referrer, "XKNER").build()).outcome())
        .isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void s12MinorInjuriesEntitlementAtSiteXDoesNotCoverAWardAtSiteY() {
    TestTrust trust = new TestTrust();
    PersonId enp = trust.referrer("E", Profession.NURSE, Regulator.NMC);
    trust.entitle(enp, rule("MIU-XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
        .addSetting(CareSetting.at("MIU", SITE_X)).build());

    ReferralDecision ward = trust.evaluator().evaluate(request(enp, "XANKR")
        .setting(CareSetting.at("WARD", SITE_Y)).build());
    ReferralDecision miu = trust.evaluator().evaluate(request(enp, "XANKR")
        .setting(CareSetting.at("MIU", SITE_X)).build());

    assertThat(ward.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(ward.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_SETTING);
    assertThat(miu.outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void s5TheComplianceSweepSuspendsAReferrerWhoseTrainingLapsedUnderABlockingPolicy() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.BLOCK);
    PersonId referrer = expiredIrmerTrainingReferrer(trust);

    SweepReport report = Wiring.sweep(trust.register).sweep(NOW);

    assertThat(report.suspended()).containsExactly(EntitlementId.of("ENT-R"));
    assertThat(trust.evaluator().evaluate(request(referrer, "XWRIR").build()).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
  }

  @Test
  void s5TheComplianceSweepLeavesAReferrerInTheirGracePeriodActive() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    expiredIrmerTrainingReferrer(trust);

    SweepReport report = Wiring.sweep(trust.register).sweep(NOW);

    assertThat(report.suspended()).isEmpty();
    assertThat(trust.register.entitlements().find(EntitlementId.of("ENT-R")).orElseThrow().status())
        .isEqualTo(EntitlementStatus.ACTIVE);
    Task grace = trust.register.tasks()
        .query(TaskQuery.builder().kind(TaskKind.TRAINING_GRACE).build()).get(0);
    assertThat(report.tasksRaised()).contains(grace.id());
    assertThat(grace.entitlement()).contains(EntitlementId.of("ENT-R"));
    assertThat(grace.dueOn()).isEqualTo(TODAY.plusDays(29));
    assertThat(Wiring.sweep(trust.register).sweep(NOW.plusSeconds(3_600)).tasksRaised()).isEmpty();
  }

  @Test
  void s7ARoleChangeNotifiedByTheReferrerSuspendsTheEdEntitlementAndTheNewRoleNeedsANewApplication() {
    TestTrust trust = new TestTrust();
    PersonId nurse = trust.referrer("A", Profession.NURSE, Regulator.NMC);
    Entitlement ed = trust.entitle(nurse, rule("ED-XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB)
        .addSetting(CareSetting.of("ED")).build());
    Role msk = Role.builder().id(RoleId.of("ROLE-A-MSK")).person(nurse).employer(TestTrust.TRUST_A)
        .title("MSK practitioner").level(LevelOfPractice.ADVANCED).validFrom(TODAY).build();

    CommandResult<ImmutableList<Entitlement>> notified = Wiring.entitlements(trust.register)
        .notifyRoleChange(TestTrust.roleOf(nurse), msk, CommandContext.by(nurse, NOW, "moved to MSK"));

    assertThat(notified.value()).extracting(Entitlement::id).containsExactly(ed.id());
    assertThat(trust.register.entitlements().find(ed.id()).orElseThrow().status())
        .isEqualTo(EntitlementStatus.SUSPENDED);
    assertThat(trust.evaluator().evaluate(request(nurse, "XANKR")
        .setting(CareSetting.at("MSK_OUTPATIENT", SITE_X)).build()).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
  }

  @Test
  void s8ANotJustifiedOutcomeIsFedBackAndStoredButIsNoEntitlementBreach() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    Entitlement entitlement = trust.entitle(referrer,
        rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    CommandResult<ComplianceEvent> recorded = Wiring.entitlements(trust.register)
        .recordJustificationOutcome(ComplianceEvent.builder()
            .id(ComplianceEventId.of("JUST-1")).referrer(referrer).employer(TestTrust.TRUST_A)
            .kind(ComplianceEventKind.NOT_JUSTIFIED).upheld(false).occurredAt(NOW)
            .description("Lumbar spine X-ray not justified: no red flags").orderId("ORD-9").build(),
            CommandContext.by(TestTrust.DELEGATE, NOW, "practitioner's justification outcome"));

    assertThat(recorded.isAccepted()).isTrue();
    assertThat(trust.register.complianceEvents().forReferrer(referrer, TestTrust.TRUST_A))
        .extracting(ComplianceEvent::kind).containsExactly(ComplianceEventKind.NOT_JUSTIFIED);
    assertThat(trust.memory.notifications()).anySatisfy(notification -> {
      assertThat(notification.recipient()).isEqualTo(referrer.value());
      assertThat(notification.kind()).isEqualTo(NotificationKind.JUSTIFICATION_FEEDBACK);
    });
    assertThat(trust.register.entitlements().history(entitlement.id())).containsExactly(entitlement);
    assertThat(trust.evaluator().evaluate(request(referrer, "XLSPI").build()).outcome())
        .isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void s10ASonographerWithNoStatutoryRegistrationIsRefusedAtValidation() {
    TestTrust trust = new TestTrust();
    PersonId sonographer = PersonId.of("SONO");
    trust.register.people().save(Person.builder().id(sonographer).givenName("Sam").familyName("Lee")
        .profession(Profession.SONOGRAPHER).build(), 0);
    trust.register.people().saveRole(Role.builder().id(TestTrust.roleOf(sonographer)).person(sonographer)
        .employer(TestTrust.TRUST_A).title("Sonographer").level(LevelOfPractice.SPECIALIST)
        .validFrom(LocalDate.of(2020, 1, 1)).build(), 0);

    CommandResult<Application> result = Wiring.applications(trust.register).submit(Application.builder()
        .id(ApplicationId.of("APP-SONO")).applicant(sonographer).role(TestTrust.roleOf(sonographer))
        .employer(TestTrust.TRUST_A).serviceNeed("Ultrasound-led clinic referrals")
        .proposedScope(Scope.builder().version(1)
            .addRule(rule("XR-ABDO", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ABDOMEN).build()).build())
        .supervisor(TestTrust.DELEGATE).clinicalLead(TestTrust.DELEGATE).accountableManager(TestTrust.DELEGATE)
        .addEvidence(Evidence.of(EvidenceKind.COMPETENCY_SIGN_OFF, "Sign-off", "DOC-1"))
        .recordedAt(NOW).build(), CommandContext.by(sonographer, NOW, "application"));

    assertThat(result.isAccepted()).isFalse();
    assertThat(result.refusalCodes()).contains(RefusalCode.NOT_A_REGISTERED_PROFESSIONAL);
    assertThat(trust.register.applications().find(ApplicationId.of("APP-SONO"))).isEmpty();
  }

  @Test
  void s11TheThirdUpheldEventRaisesAReviewForTheDelegateAndChangesNoStatus() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement entitlement = trust.entitle(referrer,
        rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    recordUpheldIncidents(trust, referrer, 3);

    Task review = trust.register.tasks().query(TaskQuery.openAt(TestTrust.TRUST_A)).get(0);
    assertThat(review.kind()).isEqualTo(TaskKind.SUSPENSION_REVIEW);
    assertThat(review.referrer()).isEqualTo(referrer);
    assertThat(trust.memory.notifications()).filteredOn(n -> n.kind() == NotificationKind.SUSPENSION_REVIEW)
        .allSatisfy(notification -> assertThat(notification.subject()).isEqualTo(review.id().value()))
        .extracting(Notification::recipient)
        .contains(Notification.delegatesOf(TestTrust.TRUST_A), referrer.value());
    assertThat(trust.register.entitlements().find(entitlement.id()).orElseThrow().status())
        .isEqualTo(EntitlementStatus.ACTIVE);

    assertThat(Wiring.tasks(trust.register).decide(review.id(), TaskDecision.SUSPEND,
        CommandContext.by(referrer, NOW, "my own review")).refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(Wiring.tasks(trust.register).decide(review.id(), TaskDecision.SUSPEND,
        CommandContext.by(TestTrust.DELEGATE, NOW, "three upheld incidents")).isAccepted()).isTrue();
    assertThat(trust.register.entitlements().find(entitlement.id()).orElseThrow().status())
        .isEqualTo(EntitlementStatus.SUSPENDED);
  }

  @Test
  void s11WithASuspendActionTheThirdUpheldEventSuspendsAtOnce() {
    TestTrust trust = new TestTrust();
    trust.register.employers().addProcedures(WrittenProcedures.builder()
        .from(TestTrust.procedures(TestTrust.TRUST_A, TrainingLapsePolicy.BLOCK))
        .version(2).nonComplianceAction(NonComplianceAction.SUSPEND).build());
    Employer employer = trust.register.employers().find(TestTrust.TRUST_A).orElseThrow();
    trust.register.employers().save(Employer.builder().from(employer).proceduresVersion(2).build(),
        employer.version());
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement entitlement = trust.entitle(referrer,
        rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    recordUpheldIncidents(trust, referrer, 2);
    assertThat(trust.register.entitlements().find(entitlement.id()).orElseThrow().status())
        .isEqualTo(EntitlementStatus.ACTIVE);
    recordUpheldIncidents(trust, referrer, 1);

    assertThat(trust.register.entitlements().find(entitlement.id()).orElseThrow().status())
        .isEqualTo(EntitlementStatus.SUSPENDED);
  }

  private static void recordUpheldIncidents(TestTrust trust, PersonId referrer, int count) {
    EntitlementService service = Wiring.entitlements(trust.register);
    for (int i = 0; i < count; i++) {
      String id = "INC-" + trust.register.complianceEvents().forReferrer(referrer, TestTrust.TRUST_A).size();
      assertThat(service.recordComplianceEvent(ComplianceEvent.builder()
          .id(ComplianceEventId.of(id)).referrer(referrer).employer(TestTrust.TRUST_A)
          .kind(ComplianceEventKind.INCIDENT).upheld(true).occurredAt(NOW.minus(Period.ofDays(10 * i)))
          .description("Upheld incident").build(),
          CommandContext.by(TestTrust.DELEGATE, NOW, "incident upheld")).isAccepted()).isTrue();
    }
  }

  private static PersonId expiredIrmerTrainingReferrer(TestTrust trust) {
    PersonId referrer = trust.untrainedReferrer("R", Profession.NURSE, Regulator.NMC);
    trust.train(referrer, TrainingType.IRMER_REFERRER, LocalDate.of(2023, 3, 9), TODAY.minusDays(1));
    trust.entitle(referrer, rule("XR-UPPER", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
    return referrer;
  }

  private static Patient adult(LocalDate born) {
    return Patient.builder().birthDate(born).sex(Sex.MALE).build();
  }
}
