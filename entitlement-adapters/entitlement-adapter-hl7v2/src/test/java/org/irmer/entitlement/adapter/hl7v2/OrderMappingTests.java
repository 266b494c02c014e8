package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.irmer.entitlement.adapter.hl7v2.Messages.load;
import static org.irmer.entitlement.adapter.hl7v2.Messages.set;
import static org.irmer.entitlement.adapter.hl7v2.Messages.without;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Hl7v2MappingException;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Problem;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mapping of ORM^O01 and OMI^O23 to referral requests, field by field, in every version read,
 * and the problems of messages that cannot be mapped, each named by its position.
 */
class OrderMappingTests {

  private static final Instant TEN_LONDON_IN_MARCH = Instant.parse("2026-03-10T10:00:00Z");

  private final EntitlementRegister register = Fixtures.register();
  private final Hl7v2Orders orders = Hl7v2Orders.over(register, Fixtures.configuration().build());

  @AfterEach
  void close() {
    register.close();
  }

  private ReferralRequest only(String message) {
    ImmutableList<ReferralRequest> requests = orders.requests(message);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private List<String> problems(Hl7v2Orders with, String message) {
    Hl7v2MappingException e = catchThrowableOfType(Hl7v2MappingException.class,
        () -> with.requests(message));
    assertThat(e).as("a mapping exception").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private List<String> problems(String message) {
    return problems(orders, message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1"})
  void ormInEveryVersionMapsEveryField(String version) {
    String message = load("orm-o01-" + version + ".hl7");

    ReferralRequest request = only(message);

    assertThat(request.referrer()).isEqualTo(Trust.ENP);
    assertThat(request.employer()).isEqualTo(Trust.TRUST_A);
    assertThat(request.examination()).isEqualTo(ExaminationCode.of("XANKR"));
    assertThat(request.patient()).contains(Patient.builder().birthDate(LocalDate.of(1980, 5, 5))
        .sex(Sex.FEMALE).pregnancy(PregnancyStatus.NOT_PREGNANT).build());
    assertThat(request.setting()).contains(CareSetting.at("MIU", SiteId.of("SITE-X")));
    assertThat(request.urgency()).isEqualTo(Urgency.ROUTINE);
    assertThat(request.requestedAt()).isEqualTo(TEN_LONDON_IN_MARCH);
    assertThat(request.clinicalInformation()).containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
    assertThat(request.indication()).contains(IndicationCode.of("INJ-ANKLE"));
    assertThat(request.orderId()).contains("PLC1001");
    assertThat(request.origin()).contains(
        RequestOrigin.of("hl7v2", "ORM-" + version.replace(".", "")).from("ICE^RA1-ED"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "2.5.1"})
  void omiMapsItsOrderAndReadsPriorityFromTq1(String version) {
    ReferralRequest request = only(load("omi-o23-" + version + ".hl7"));

    assertThat(request.examination()).isEqualTo(ExaminationCode.of("XANKR"));
    assertThat(request.urgency()).isEqualTo(Urgency.STAT);
    assertThat(request.orderId()).contains("PLC2001");
    assertThat(request.origin().flatMap(RequestOrigin::reference))
        .contains("OMI-" + version.replace(".", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.3", "2.3.1", "2.4"})
  void omiBeforeVersionTwoPointFiveIsNotRead(String version) {
    String message = set(load("omi-o23-2.5.hl7"), "MSH", 12, version);

    assertThat(problems(message)).singleElement().asString()
        .startsWith("MSH-9.1: OMI^O23 is defined from version 2.5");
  }

  @Test
  void tq1PriorityComesBeforeOrc7() {
    String message = set(load("omi-o23-2.5.1.hl7"), "ORC", 7, "^^^^^R");

    assertThat(only(message).urgency()).isEqualTo(Urgency.STAT);
  }

  @Test
  void orc7PriorityGivesTheUrgencyWithoutTq1() {
    assertThat(only(set(load("orm-o01-2.4.hl7"), "ORC", 7, "^^^^^S")).urgency())
        .isEqualTo(Urgency.STAT);
    assertThat(only(set(load("orm-o01-2.4.hl7"), "ORC", 7, "^^^^^A")).urgency())
        .isEqualTo(Urgency.ASAP);
    assertThat(only(set(load("orm-o01-2.4.hl7"), "ORC", 7, "")).urgency())
        .isEqualTo(Urgency.ROUTINE);
  }

  @Test
  void anUnknownPriorityIsAProblemAtItsComponent() {
    assertThat(problems(set(load("orm-o01-2.3.hl7"), "ORC", 7, "^^^^^Q")))
        .singleElement().asString().startsWith("ORC-7.6: priority Q is not one");
    assertThat(problems(set(load("omi-o23-2.5.hl7"), "TQ1", 9, "Q")))
        .singleElement().asString().startsWith("TQ1-9.1: priority Q");
  }

  @Test
  void aConfiguredPriorityIsRead() {
    Hl7v2Orders local = Hl7v2Orders.over(register,
        Fixtures.configuration().priority("Q", Urgency.URGENT).build());

    assertThat(local.requests(set(load("orm-o01-2.3.hl7"), "ORC", 7, "^^^^^Q")).get(0).urgency())
        .isEqualTo(Urgency.URGENT);
  }

  @Test
  void theOrderingProviderComesFromObr16WhenOrc12IsEmpty() {
    String message = set(set(load("orm-o01-2.5.hl7"), "ORC", 12, ""), "OBR", 16,
        "P^PHYSIO^PAT^^^^^^RA1");

    assertThat(only(message).referrer()).isEqualTo(Trust.PHYSIO);
  }

  @Test
  void orc12ComesBeforeObr16() {
    String message = set(load("orm-o01-2.5.hl7"), "OBR", 16, "P^PHYSIO^PAT^^^^^^RA1");

    assertThat(only(message).referrer()).isEqualTo(Trust.ENP);
  }

  @Test
  void noOrderingProviderIsAProblemAtOrc12() {
    String message = set(set(load("orm-o01-2.4.hl7"), "ORC", 12, ""), "OBR", 16, "");

    assertThat(problems(message)).containsExactly(
        "ORC-12.1: no ordering provider in ORC-12 or OBR-16");
  }

  @Test
  void aProviderOfAnotherAuthorityIsUnknown() {
    String message = set(load("orm-o01-2.4.hl7"), "ORC", 12, "E^NURSE^EMMA^^^^^^OTHER");

    assertThat(problems(message)).containsExactly(
        "ORC-12.1: ordering provider E of OTHER is not known to the register");
  }

  @Test
  void aDirectoryTableMapsAuthorityAndIdentifierToThePerson() {
    Hl7v2Orders tabled = Hl7v2Orders.over(register, Fixtures.configuration().build());
    Hl7v2Orders byTable = Hl7v2Orders.over(register,
        Hl7v2Orders.Configuration.referrers(Hl7v2Orders.ReferrerDirectory.table(
            java.util.Map.of("GMC", java.util.Map.of("C1234567", PersonId.of("E"))))).build());

    assertThat(byTable.requests(set(load("orm-o01-2.4.hl7"), "ORC", 12, "C1234567^DOC^^^^^^^GMC"))
        .get(0).referrer()).isEqualTo(Trust.ENP);
    assertThat(problems(tabled, set(load("orm-o01-2.4.hl7"), "ORC", 12, "C1234567^DOC^^^^^^^GMC")))
        .hasSize(1);
  }

  @Test
  void theEmployerIsTheReceivingFacilityOrTheConfiguredOne() {
    String elsewhere = set(load("orm-o01-2.5.1.hl7"), "MSH", 6, "RB2");

    assertThat(only(elsewhere).employer()).isEqualTo(EmployerId.of("RB2"));
    assertThat(Hl7v2Orders.over(register, Fixtures.configuration()
        .employerForFacility("RB2", Trust.TRUST_A).build()).requests(elsewhere).get(0).employer())
        .isEqualTo(Trust.TRUST_A);
    assertThat(Hl7v2Orders.over(register, Fixtures.configuration()
        .employer(EmployerId.of("RC3")).build()).requests(elsewhere).get(0).employer())
        .isEqualTo(EmployerId.of("RC3"));
    assertThat(problems(set(elsewhere, "MSH", 6, ""))).containsExactly(
        "MSH-6.1: the receiving facility, which names the imaging employer, is missing");
  }

  @Test
  void theExaminationMayComeFromTheAlternateCodingOfObr4() {
    String message = set(load("orm-o01-2.5.hl7"), "OBR", 4,
        "ANK-R^Ankle right^99LOCAL^XANKR^X-ray ankle right^NICIP");

    assertThat(only(message).examination()).isEqualTo(ExaminationCode.of("XANKR"));
  }

  @Test
  void anExaminationInAnUnreadCodingSystemIsAProblem() {
    String message = set(load("orm-o01-2.5.hl7"), "OBR", 4, "ANK-R^Ankle right^99LOCAL");

    assertThat(problems(message)).containsExactly(
        "OBR-4.3: the examination is not coded in a coding system the configuration reads");
    Hl7v2Orders local = Hl7v2Orders.over(register, Fixtures.configuration()
        .examinations(Hl7v2Orders.ExaminationMapping.codesOf("NICIP", "99LOCAL")).build());
    assertThat(local.requests(message).get(0).examination()).isEqualTo(ExaminationCode.of("ANK-R"));
    assertThat(problems(set(message, "OBR", 4, ""))).containsExactly(
        "OBR-4.1: the universal service identifier (the examination) is missing");
  }

  @Test
  void aTimeWithAnOffsetIsHonoured() {
    String message = set(load("orm-o01-2.5.hl7"), "ORC", 9, "202603101000+0100");

    assertThat(only(message).requestedAt()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
  }

  @Test
  void aTimeWithoutAnOffsetIsReadInTheEmployersZone() {
    String summer = set(load("orm-o01-2.3.hl7"), "ORC", 9, "20260701103015.25");

    assertThat(only(summer).requestedAt()).isEqualTo(Instant.parse("2026-07-01T09:30:15.25Z"));
  }

  @Test
  void aConfiguredZoneReplacesTheEmployers() {
    Hl7v2Orders utc = Hl7v2Orders.over(register,
        Fixtures.configuration().zone(ZoneOffset.UTC).build());
    String summer = set(load("orm-o01-2.3.hl7"), "ORC", 9, "202607011030");

    assertThat(utc.requests(summer).get(0).requestedAt())
        .isEqualTo(Instant.parse("2026-07-01T10:30:00Z"));
  }

  @Test
  void withoutOrc9TheMessageTimeIsTheOrdersTime() {
    String message = set(set(load("orm-o01-2.4.hl7"), "ORC", 9, ""), "MSH", 7, "202603101130");

    assertThat(only(message).requestedAt()).isEqualTo(Instant.parse("2026-03-10T11:30:00Z"));
    assertThat(problems(set(message, "MSH", 7, ""))).containsExactly(
        "ORC-9.1: no time of the order in ORC-9 or MSH-7");
  }

  @Test
  void aTimeLessPreciseThanAMinuteIsAProblem() {
    assertThat(problems(set(load("orm-o01-2.5.1.hl7"), "ORC", 9, "20260310")))
        .singleElement().asString().startsWith("ORC-9.1: ");
  }

  @Test
  void patientSexIsReadFromTable0001() {
    assertThat(only(set(load("orm-o01-2.4.hl7"), "PID", 8, "M")).patient().orElseThrow().sex())
        .isEqualTo(Sex.MALE);
    assertThat(only(set(load("orm-o01-2.4.hl7"), "PID", 8, "U")).patient().orElseThrow().sex())
        .isEqualTo(Sex.UNKNOWN);
    assertThat(only(set(load("orm-o01-2.4.hl7"), "PID", 8, "A")).patient().orElseThrow().sex())
        .isEqualTo(Sex.OTHER);
    assertThat(problems(set(load("orm-o01-2.4.hl7"), "PID", 8, "X")))
        .singleElement().asString().startsWith("PID-8.1: administrative sex X");
  }

  @Test
  void aBirthDateMustBeADay() {
    assertThat(only(set(load("orm-o01-2.3.1.hl7"), "PID", 7, "198005051230")).patient()
        .flatMap(Patient::birthDate)).contains(LocalDate.of(1980, 5, 5));
    assertThat(problems(set(load("orm-o01-2.3.1.hl7"), "PID", 7, "1980")))
        .singleElement().asString().startsWith("PID-7.1: the birth date is not a date");
    assertThat(only(set(load("orm-o01-2.3.1.hl7"), "PID", 7, "")).patient()
        .flatMap(Patient::birthDate)).isEmpty();
  }

  @Test
  void withoutPidOnlyThePregnancyObservationDescribesThePatient() {
    ReferralRequest request = only(without(load("orm-o01-2.5.hl7"), "PID"));

    assertThat(request.patient()).contains(
        Patient.builder().pregnancy(PregnancyStatus.NOT_PREGNANT).build());
    assertThat(only(without(without(load("orm-o01-2.5.hl7"), "PID"), "OBX")).patient()).isEmpty();
  }

  @Test
  void pregnancyStatusIsReadFromTheConfiguredObservation() {
    String pregnant = set(load("orm-o01-2.5.hl7"), "OBX", 5, "LA15173-0^Pregnant^LN");
    String other = set(load("orm-o01-2.5.hl7"), "OBX", 3, "11449-6^Pregnancy status^LN");

    assertThat(only(pregnant).patient().flatMap(Patient::pregnancy)).contains(PregnancyStatus.PREGNANT);
    assertThat(only(other).patient().flatMap(Patient::pregnancy)).isEmpty();
    assertThat(Hl7v2Orders.over(register, Fixtures.configuration().pregnancyObservation("11449-6")
        .build()).requests(other).get(0).patient().flatMap(Patient::pregnancy))
        .contains(PregnancyStatus.NOT_PREGNANT);
    assertThat(problems(set(load("orm-o01-2.5.hl7"), "OBX", 5, "MAYBE")))
        .singleElement().asString().startsWith("OBX-5.1: pregnancy status MAYBE");
  }

  @Test
  void clinicalInformationComesFromObr13Obr31AndObservations() {
    String noQuestion = set(set(load("orm-o01-2.5.1.hl7"), "OBR", 13, ""), "OBR", 31, "");
    String onlyReason = set(load("orm-o01-2.5.1.hl7"), "OBR", 13, "");
    String withRenal = set(set(load("orm-o01-2.5.1.hl7"), "OBX", 3, "33914-3^eGFR^LN"), "OBX", 5, "72");
    String withRenalType = set(withRenal, "OBX", 2, "NM");

    assertThat(only(noQuestion).clinicalInformation()).isEmpty();
    assertThat(only(noQuestion).indication()).isEmpty();
    assertThat(only(onlyReason).clinicalInformation())
        .containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
    assertThat(only(withRenalType).clinicalInformation()).containsExactlyInAnyOrder(
        ClinicalInformationItem.CLINICAL_QUESTION, ClinicalInformationItem.RENAL_FUNCTION);
  }

  @Test
  void theSettingComesFromThePointOfCareThenThePatientClass() {
    assertThat(only(set(load("orm-o01-2.4.hl7"), "PV1", 3, "MSKCLINIC^^^SITE-X")).setting())
        .contains(CareSetting.at("MSK_OUTPATIENT", SiteId.of("SITE-X")));
    assertThat(only(set(load("orm-o01-2.4.hl7"), "PV1", 2, "I")).setting())
        .contains(CareSetting.at("WARD", SiteId.of("SITE-X")));
    assertThat(only(set(set(load("orm-o01-2.4.hl7"), "PV1", 2, "I"), "PV1", 3, "W12")).setting())
        .contains(CareSetting.of("WARD"));
    assertThat(only(set(load("orm-o01-2.4.hl7"), "PV1", 2, "O")).setting()).isEmpty();
    assertThat(only(without(load("orm-o01-2.4.hl7"), "PV1")).setting()).isEmpty();
  }

  @Test
  void theOrderIdIsThePlacerNumberOrElseTheFillers() {
    String filler = set(set(load("orm-o01-2.4.hl7"), "ORC", 2, ""), "ORC", 3, "FIL77");

    assertThat(only(filler).orderId()).contains("FIL77");
    assertThat(only(set(filler, "ORC", 3, "")).orderId()).isEmpty();
  }

  @Test
  void everyOrderOfAMessageIsMapped() {
    ImmutableList<ReferralRequest> requests = orders.requests(load("orm-o01-2.4-two-orders.hl7"));

    assertThat(requests).extracting(ReferralRequest::orderId)
        .containsExactly(Optional.of("PLC3001"), Optional.of("PLC3002"));
    assertThat(requests).extracting(ReferralRequest::examination)
        .containsExactly(ExaminationCode.of("XANKR"), ExaminationCode.of("XKNER"));
    assertThat(orders.requests(load("omi-o23-2.5.1-two-orders.hl7"))).hasSize(2);
  }

  @Test
  void aProblemInTheSecondOrderNamesItsOccurrenceAndNoOrderIsReturned() {
    String message = set(set(load("orm-o01-2.4-two-orders.hl7"), "OBR", 2, 4, "KNEE^Knee^99LOCAL"),
        "ORC", 2, 12, "E^NURSE^EMMA^^^^^^OTHER");

    assertThat(problems(message)).containsExactly(
        "ORC[2]-12.1: ordering provider E of OTHER is not known to the register",
        "OBR[2]-4.3: the examination is not coded in a coding system the configuration reads");
  }

  @Test
  void anOrderWithoutObrIsAProblem() {
    assertThat(problems(without(load("orm-o01-2.5.hl7"), "OBR")))
        .singleElement().asString().isEqualTo("OBR: ORC has no OBR segment naming the examination");
  }

  @Test
  void aMessageWithoutOrdersIsAProblem() {
    assertThat(problems(without(without(without(load("orm-o01-2.5.hl7"), "OBX"), "OBR"), "ORC")))
        .containsExactly("ORC: the message has no order (no ORC segment)");
  }

  @Test
  void otherMessagesVersionsAndGarbageAreNotRead() {
    assertThat(problems(set(load("orm-o01-2.5.hl7"), "MSH", 9, "ADT^A01"))).singleElement()
        .asString().startsWith("MSH-9.1: message type ADT is not read");
    assertThat(problems(set(load("orm-o01-2.5.hl7"), "MSH", 9, "ORM^O02"))).singleElement()
        .asString().startsWith("MSH-9.2: event O02 of ORM is not read");
    assertThat(problems(set(load("orm-o01-2.5.hl7"), "MSH", 12, "2.6"))).singleElement()
        .asString().startsWith("MSH-12.1: version 2.6 is not read");
    assertThat(problems(set(load("orm-o01-2.5.hl7"), "MSH", 10, ""))).containsExactly(
        "MSH-10: the message control id is missing");
    assertThat(problems("PID|1||x\r")).containsExactly(
        "MSH: the message does not begin with a readable MSH segment");
    assertThat(problems("")).hasSize(1);
  }

  @Test
  void hapiParsingProblemsNameTheirPosition() {
    List<String> found = problems(set(load("orm-o01-2.5.hl7"), "OBR", 1, "one"));

    assertThat(found).singleElement().asString().startsWith("OBR-1");
  }

  @Test
  void messagesWithLineFeedsOrOtherDelimitersAreRead() {
    String lineFeeds = load("orm-o01-2.5.hl7").replace('\r', '\n');
    String hashes = load("orm-o01-2.4.hl7").replace('^', '#').replace("MSH|#~\\&", "MSH|#~\\&");

    assertThat(only(lineFeeds).examination()).isEqualTo(ExaminationCode.of("XANKR"));
    assertThat(only(hashes).referrer()).isEqualTo(Trust.ENP);
    assertThat(only(hashes).origin()).contains(RequestOrigin.of("hl7v2", "ORM-24").from("ICE^RA1-ED"));
  }
}
