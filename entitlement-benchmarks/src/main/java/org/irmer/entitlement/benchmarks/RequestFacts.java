package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.time.ZoneId;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * What a peer engine is told about a request, derived from it the way a vendor would before calling
 * the engine: the local date in the imaging employer's zone, the patient's age in completed years
 * on that date (neither peer can compute {@link java.time.Period} ages), whether the patient is or
 * may be pregnant, the setting as a kind and as kind-at-site, the indication and the urgency.
 *
 * <p>The peers encode the scope, status, validity, registration and training rules, not the
 * procedures' required-information rule (DOMAIN.md section 5, rule 6): the workloads always carry a
 * birth date and a known pregnancy status, and this class refuses a request that does not, so a
 * workload that broke that assumption would fail loudly instead of disagreeing quietly.
 *
 * @param isoDate the local date as {@code yyyy-MM-dd}, which orders like the date
 * @param yyyymmdd the local date as a number, which orders like the date
 * @param settingKind the setting's kind, or {@code "-"} when the request names none
 * @param settingAtSite {@code kind@site}, or {@code "-"} when the request names no site
 * @param indication the indication code, or {@code "-"}
 */
record RequestFacts(
    LocalDate date,
    String isoDate,
    long yyyymmdd,
    int age,
    boolean mayBePregnant,
    String settingKind,
    String settingAtSite,
    String indication,
    String urgency) {

  static final String NONE = "-";

  static RequestFacts of(ReferralRequest request, ZoneId zone) {
    LocalDate date = request.requestedAt().atZone(zone).toLocalDate();
    Patient patient = request.patient().orElseThrow(() -> incomplete(request, "patient"));
    LocalDate born = patient.birthDate().orElseThrow(() -> incomplete(request, "birth date"));
    PregnancyStatus pregnancy =
        patient.pregnancy().orElseThrow(() -> incomplete(request, "pregnancy"));
    checkArgument(
        pregnancy != PregnancyStatus.UNKNOWN,
        "request %s: pregnancy status unknown",
        request.orderId().orElse("?"));
    String kind = request.setting().map(CareSetting::kind).orElse(NONE);
    String atSite =
        request
            .setting()
            .flatMap(setting -> setting.site().map(site -> setting.kind() + "@" + site.value()))
            .orElse(NONE);
    return new RequestFacts(
        date,
        date.toString(),
        yyyymmdd(date),
        Patient.ageOn(born, date),
        pregnancy.mayBePregnant(),
        kind,
        atSite,
        request.indication().map(IndicationCode::value).orElse(NONE),
        request.urgency().name());
  }

  /** A date as a number that orders like the date: 2026-03-10 is 20260310. */
  static long yyyymmdd(LocalDate date) {
    return date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth();
  }

  private static IllegalArgumentException incomplete(ReferralRequest request, String what) {
    return new IllegalArgumentException(
        "the peer engines need the "
            + what
            + " on every request: "
            + request.referrer()
            + " "
            + request.examination());
  }
}
