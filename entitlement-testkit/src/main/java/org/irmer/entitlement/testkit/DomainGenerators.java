package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of the small values of the domain: identifiers, codes, care settings, dates, instants,
 * zones, training lapse policies, actors and command contexts.
 *
 * <p>Identifiers are mostly plain ({@code P00042}) and sometimes carry characters that trouble
 * adapters (quotes, commas, back-slashes, accented letters, inner spaces), always between a letter
 * prefix and a digit so that they never start or end with white space. Generated dates lie in
 * {@link #EARLIEST_DATE}..{@link #LATEST_DATE}, generated instants in {@link
 * #EARLIEST_INSTANT}..{@link #LATEST_INSTANT}, except those of {@link #extremeDates} and {@link
 * #extremeInstants}, which reach the ends of {@link LocalDate} and {@link Instant}.
 */
public final class DomainGenerators {

  /** The first date any generator of this kit produces. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1920, 1, 1);

  /** The last date any generator of this kit produces. */
  public static final LocalDate LATEST_DATE = LocalDate.of(2040, 12, 31);

  /** The first instant of the generated activity of a register (requests, records, commands). */
  public static final Instant EARLIEST_INSTANT = Instant.parse("2020-01-01T00:00:00Z");

  /** The last instant of the generated activity of a register. */
  public static final Instant LATEST_INSTANT = Instant.parse("2035-12-31T23:59:59Z");

  /**
   * Dates where arithmetic on day numbers goes wrong: the first and last dates {@link LocalDate}
   * holds and the days next to them; the days either side of the first and last day numbers a
   * 32-bit {@code int} holds; the days 2<sup>32</sup> days after and before 2026-06-15, which a day
   * number cast to an {@code int} wraps back to; and 9999-12-31, which registers use for "no end".
   */
  public static final ImmutableList<LocalDate> EXTREME_DATES =
      ImmutableList.of(
          LocalDate.MIN,
          LocalDate.MIN.plusDays(1),
          LocalDate.ofEpochDay(Integer.MIN_VALUE - 1L),
          LocalDate.ofEpochDay(Integer.MIN_VALUE),
          LocalDate.ofEpochDay(Integer.MAX_VALUE),
          LocalDate.ofEpochDay(Integer.MAX_VALUE + 1L),
          LocalDate.of(2026, 6, 15).plusDays(1L << 32),
          LocalDate.of(2026, 6, 15).minusDays(1L << 32),
          LocalDate.of(9999, 12, 31),
          LocalDate.MAX.minusDays(1),
          LocalDate.MAX);

  /**
   * Instants at the ends of the range of {@link Instant}, whose local date no zone can give
   * ({@link Instant#MIN}, {@link Instant#MAX}); the first and last instants whose UTC date {@link
   * LocalDate} holds, and a day either side of each, so that some zones can give them a date and
   * others cannot; and noon UTC on each of {@link #EXTREME_DATES}.
   */
  public static final ImmutableList<Instant> EXTREME_INSTANTS = extremeInstantList();

  private static ImmutableList<Instant> extremeInstantList() {
    Instant first = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);
    Instant last = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);
    ImmutableList.Builder<Instant> instants =
        ImmutableList.<Instant>builder()
            .add(Instant.MIN, first.minusSeconds(86_400), first, first.plusSeconds(86_400))
            .add(last.minusSeconds(86_400), last, last.plusSeconds(86_400), Instant.MAX);
    for (LocalDate date : EXTREME_DATES) {
      instants.add(LocalDateTime.of(date, LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }
    return instants.build();
  }

  /** Kinds of care setting the generators use, after DOMAIN.md section 4. */
  static final ImmutableList<String> SETTING_KINDS =
      ImmutableList.of(
          "ED",
          "MIU",
          "UTC",
          "MSK_OUTPATIENT",
          "FRACTURE_CLINIC",
          "WARD",
          "GP_PRACTICE",
          "OUTPATIENT");

  /** Sites the generators use, few enough that two settings often share one. */
  static final ImmutableList<SiteId> SITES =
      ImmutableList.of(
          SiteId.of("SITE-A"), SiteId.of("SITE-B"), SiteId.of("SITE-C"), SiteId.of("SITE-D"));

  /** Clinical indications or pathways the generators use. */
  static final ImmutableList<IndicationCode> INDICATIONS =
      ImmutableList.of(
          IndicationCode.of("ACUTE_KNEE_INJURY"), IndicationCode.of("SUSPECTED_FRACTURE"),
          IndicationCode.of("LOW_BACK_PAIN"), IndicationCode.of("SUSPECTED_PNEUMONIA"),
          IndicationCode.of("CHEST_PAIN"), IndicationCode.of("ABDOMINAL_PAIN"),
          IndicationCode.of("HEAD_INJURY"), IndicationCode.of("MSK_PATHWAY"),
          IndicationCode.of("FALLS_PATHWAY"), IndicationCode.of("RENAL_COLIC"));

  static final ImmutableList<TrainingType> TRAINING_TYPES =
      ImmutableList.of(
          TrainingType.IRMER_REFERRER,
          TrainingType.CONTRAST_SAFETY,
          TrainingType.MRI_SAFETY,
          TrainingType.REFERRAL_GUIDELINES,
          TrainingType.of("LOCAL_INDUCTION"));

  static final ImmutableList<ClinicalInformationItem> CLINICAL_INFORMATION_ITEMS =
      ImmutableList.of(
          ClinicalInformationItem.CLINICAL_QUESTION,
          ClinicalInformationItem.RENAL_FUNCTION,
          ClinicalInformationItem.IMPLANT_STATUS,
          ClinicalInformationItem.of("LAST_MENSTRUAL_PERIOD"));

  /** Zones of employers; the default zone is the most likely by far. */
  static final ImmutableList<ZoneId> OTHER_ZONES =
      ImmutableList.of(
          ZoneId.of("Europe/Dublin"),
          ZoneOffset.UTC,
          ZoneId.of("Europe/Lisbon"),
          ZoneId.of("America/St_Johns"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Pacific/Kiritimati"));

  /** Pieces that make an identifier awkward for an adapter, never at either end. */
  private static final ImmutableList<String> AWKWARD =
      ImmutableList.of(
          "-", "_", ".", "/", " ", "'", "\"", ",", ";", "\\", "=", "é", "ß", "Ł", "中", "%");

  private static final char[] ODS_CHARS = "ABCDEFGHJKLMNPQRTVWXY0123456789".toCharArray();

  /** How many distinct employer ids {@link #employerIds()} draws from. */
  static final int EMPLOYER_ID_COUNT = ODS_CHARS.length * ODS_CHARS.length;

  private DomainGenerators() {}

  /**
   * Identifier text: {@code prefix} followed by a number, or now and then by awkward characters and
   * a number. Never blank, never starting or ending with white space.
   */
  public static Gen<String> codes(String prefix) {
    checkArgument(
        !prefix.isEmpty() && !Character.isWhitespace(prefix.charAt(0)),
        "prefix must start with a visible character: '%s'",
        prefix);
    Gen<Integer> numbers = integers().between(1, 99_999);
    Gen<String> plain = numbers.map(n -> String.format(java.util.Locale.ROOT, "%s%05d", prefix, n));
    Gen<String> awkward =
        Gens.listOf(Gens.pick(AWKWARD), 1, 4)
            .zip(numbers, (pieces, n) -> prefix + String.join("", pieces) + n);
    return Generate.frequency(Pair.of(4, plain), Pair.of(1, awkward));
  }

  /** Employer ids in the style of an ODS trust code: {@code R} and two letters or digits. */
  public static Gen<EmployerId> employerIds() {
    return integers().between(0, EMPLOYER_ID_COUNT - 1).map(DomainGenerators::employerId);
  }

  /**
   * Two different employer ids, for agreements between employers, distinct by construction. The
   * first of the pair is {@code _1}.
   */
  public static Gen<Pair<EmployerId, EmployerId>> distinctEmployerIds() {
    return integers()
        .between(0, EMPLOYER_ID_COUNT - 1)
        .zip(
            integers().between(1, EMPLOYER_ID_COUNT - 1),
            (first, step) ->
                Pair.of(employerId(first), employerId((first + step) % EMPLOYER_ID_COUNT)));
  }

  static EmployerId employerId(int index) {
    return EmployerId.of(
        "R" + ODS_CHARS[index / ODS_CHARS.length] + ODS_CHARS[index % ODS_CHARS.length]);
  }

  /** Person ids such as {@code P00042}. */
  public static Gen<PersonId> personIds() {
    return ids("P", PersonId::of);
  }

  /** Role ids such as {@code ROLE00042}. */
  public static Gen<RoleId> roleIds() {
    return ids("ROLE", RoleId::of);
  }

  /** Delegation ids such as {@code DEL00042}. */
  public static Gen<DelegationId> delegationIds() {
    return ids("DEL", DelegationId::of);
  }

  /** Application ids such as {@code APP00042}. */
  public static Gen<ApplicationId> applicationIds() {
    return ids("APP", ApplicationId::of);
  }

  /** Entitlement ids such as {@code ENT00042}. */
  public static Gen<EntitlementId> entitlementIds() {
    return ids("ENT", EntitlementId::of);
  }

  /** Training record ids such as {@code TR00042}. */
  public static Gen<TrainingRecordId> trainingRecordIds() {
    return ids("TR", TrainingRecordId::of);
  }

  /** Compliance event ids such as {@code CE00042}. */
  public static Gen<ComplianceEventId> complianceEventIds() {
    return ids("CE", ComplianceEventId::of);
  }

  /** Audit record ids such as {@code AUD00042}. */
  public static Gen<AuditRecordId> auditRecordIds() {
    return ids("AUD", AuditRecordId::of);
  }

  /** Agreement ids such as {@code AGR00042}. */
  public static Gen<AgreementId> agreementIds() {
    return ids("AGR", AgreementId::of);
  }

  /** Guideline entry ids such as {@code G00042}. */
  public static Gen<GuidelineId> guidelineIds() {
    return ids("G", GuidelineId::of);
  }

  /** Examination codes that need not be in any catalogue; see {@link CatalogueGenerators}. */
  public static Gen<ExaminationCode> examinationCodes() {
    return ids("X", ExaminationCode::of);
  }

  /** One of four sites, {@code SITE-A} to {@code SITE-D}, so that settings often share a site. */
  public static Gen<SiteId> siteIds() {
    return Gens.pick(SITES);
  }

  /** Common indications and pathways, sometimes an arbitrary code. */
  public static Gen<IndicationCode> indicationCodes() {
    return Generate.frequency(
        Pair.of(4, Gens.pick(INDICATIONS)), Pair.of(1, ids("IND", IndicationCode::of)));
  }

  /** The common training types and one employer-defined type. */
  public static Gen<TrainingType> trainingTypes() {
    return Gens.pick(TRAINING_TYPES);
  }

  /** The common items of clinical information and one employer-defined item. */
  public static Gen<ClinicalInformationItem> clinicalInformationItems() {
    return Gens.pick(CLINICAL_INFORMATION_ITEMS);
  }

  /** A kind of setting, at one of a few sites or at any site. */
  public static Gen<CareSetting> careSettings() {
    return Gens.pick(SETTING_KINDS)
        .zip(siteIds().toOptionals(40), (kind, site) -> new CareSetting(kind, site));
  }

  /** Dates in {@link #EARLIEST_DATE}..{@link #LATEST_DATE}. */
  public static Gen<LocalDate> dates() {
    return datesBetween(EARLIEST_DATE, LATEST_DATE);
  }

  /** Dates in {@code first}..{@code last}, both inclusive, shrinking towards {@code first}. */
  public static Gen<LocalDate> datesBetween(LocalDate first, LocalDate last) {
    checkArgument(!last.isBefore(first), "%s is before %s", last, first);
    return Generate.longRange(first.toEpochDay(), last.toEpochDay(), first.toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /**
   * Dates anywhere {@link LocalDate} reaches: one of {@link #EXTREME_DATES} one time in two,
   * otherwise any date from {@link LocalDate#MIN} to {@link LocalDate#MAX}.
   */
  public static Gen<LocalDate> extremeDates() {
    return Generate.frequency(
        Pair.of(1, Gens.pick(EXTREME_DATES)), Pair.of(1, datesBetween(LocalDate.MIN, LocalDate.MAX)));
  }

  /**
   * Instants anywhere {@link Instant} reaches: one of {@link #EXTREME_INSTANTS} one time in two,
   * otherwise any instant from {@link Instant#MIN} to {@link Instant#MAX}, to the second.
   */
  public static Gen<Instant> extremeInstants() {
    return Generate.frequency(
        Pair.of(1, Gens.pick(EXTREME_INSTANTS)), Pair.of(1, instantsBetween(Instant.MIN, Instant.MAX)));
  }

  /** Instants in {@link #EARLIEST_INSTANT}..{@link #LATEST_INSTANT}, to the second. */
  public static Gen<Instant> instants() {
    return instantsBetween(EARLIEST_INSTANT, LATEST_INSTANT);
  }

  /** Instants in {@code first}..{@code last}, both inclusive, to the second. */
  public static Gen<Instant> instantsBetween(Instant first, Instant last) {
    checkArgument(!last.isBefore(first), "%s is before %s", last, first);
    return Generate.longRange(first.getEpochSecond(), last.getEpochSecond(), first.getEpochSecond())
        .map(seconds -> Instant.ofEpochSecond(seconds));
  }

  /**
   * Instants in {@code first}..{@code last} that often fall where dates are easy to get wrong in
   * {@code zone}: in the first or last hour of a local day, and on 28 February, 29 February or 1
   * March. An instant that such a local time would put outside the window is moved to the nearer
   * end of it.
   */
  public static Gen<Instant> awkwardInstantsBetween(Instant first, Instant last, ZoneId zone) {
    checkNotNull(zone, "zone");
    Gen<Instant> uniform = instantsBetween(first, last);
    Gen<LocalDate> days =
        instantsBetween(first, last)
            .map(instant -> instant.atZone(zone).toLocalDate())
            .zip(integers().between(0, 3), DomainGenerators::leapSeasonDay);
    Gen<LocalTime> times =
        Generate.oneOf(
            integers().between(0, 3_599).map(LocalTime::ofSecondOfDay),
            integers().between(86_400 - 3_600, 86_399).map(LocalTime::ofSecondOfDay));
    Gen<Instant> awkward =
        days.zip(
            times,
            (day, time) ->
                clamp(LocalDateTime.of(day, time).atZone(zone).toInstant(), first, last));
    Gen<Instant> awkwardHours =
        uniform.zip(
            times,
            (instant, time) ->
                clamp(
                    LocalDateTime.of(instant.atZone(zone).toLocalDate(), time)
                        .atZone(zone)
                        .toInstant(),
                    first,
                    last));
    return Generate.frequency(Pair.of(2, uniform), Pair.of(1, awkwardHours), Pair.of(1, awkward));
  }

  /** 28 February, 29 February (or 1 March in a common year), 1 March, or the day itself. */
  private static LocalDate leapSeasonDay(LocalDate day, int choice) {
    return switch (choice) {
      case 0 -> LocalDate.of(day.getYear(), Month.FEBRUARY, 28);
      case 1 -> LocalDate.of(day.getYear(), Month.FEBRUARY, 28).plusDays(1);
      case 2 -> LocalDate.of(day.getYear(), Month.MARCH, 1);
      default -> day;
    };
  }

  private static Instant clamp(Instant instant, Instant first, Instant last) {
    return instant.isBefore(first) ? first : instant.isAfter(last) ? last : instant;
  }

  /** Mostly {@link Employer#DEFAULT_ZONE}, sometimes a zone with another offset or odd rules. */
  public static Gen<ZoneId> zones() {
    return Generate.frequency(
        Pair.of(3, Generate.constant(Employer.DEFAULT_ZONE)), Pair.of(1, Gens.pick(OTHER_ZONES)));
  }

  /** {@code BLOCK}, {@code NOTIFY_ONLY} or {@code WARN_WITH_GRACE} of 1 to 90 days. */
  public static Gen<TrainingLapsePolicy> lapsePolicies() {
    return Generate.oneOf(
        Generate.constant(TrainingLapsePolicy.BLOCK),
        Generate.constant(TrainingLapsePolicy.NOTIFY_ONLY),
        integers().between(1, 90).map(TrainingLapsePolicy::warnWithGrace));
  }

  /** A person, most of the time, or the compliance sweep. */
  public static Gen<Actor> actors() {
    return Generate.frequency(
        Pair.of(4, personIds().map(Actor::person)),
        Pair.of(1, Generate.constant(Actor.system("compliance-sweep"))));
  }

  /** An actor, an instant, and a cause in plain words. */
  public static Gen<CommandContext> commandContexts() {
    return actors()
        .zip(instants(), phrases(), (actor, at, cause) -> new CommandContext(actor, at, cause));
  }

  /** Short plain-English phrases, never blank and never padded with white space. */
  public static Gen<String> phrases() {
    return Gens.pick(PHRASES)
        .zip(integers().between(0, 9), (phrase, n) -> n == 0 ? phrase : phrase + " (" + n + ")");
  }

  private static final ImmutableList<String> PHRASES =
      ImmutableList.of(
          "Emergency department cover",
          "MSK first-contact service",
          "Minor injuries unit rota",
          "Requested by the delegate",
          "Training certificate uploaded",
          "Role changed to MSK",
          "Audit of 50 referrals",
          "Registration checked with the regulator",
          "Scope agreed with the clinical lead",
          "Suspended pending review",
          "Reinstated after review",
          "Left the trust",
          "Not justified: no clinical question",
          "Referral outside protocol");

  private static <T> Gen<T> ids(String prefix, Function<String, T> constructor) {
    return codes(prefix).map(constructor);
  }
}
