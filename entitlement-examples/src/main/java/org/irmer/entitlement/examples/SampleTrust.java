package org.irmer.entitlement.examples;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;

/**
 * A small fictional trust, Harrowfield Valley NHS Trust: its written procedures, a named delegate,
 * three registered professionals of different professions in advancing practice roles, an
 * illustrative catalogue of 30 examinations across modalities and regions, and a few referral
 * guideline entries. Everything is invented; codes are in the NICIP style but are not NICIP
 * content.
 */
public final class SampleTrust {

  public static final EmployerId TRUST = EmployerId.of("RHV");
  public static final SiteId GENERAL = SiteId.of("HV-GENERAL");
  public static final SiteId COMMUNITY = SiteId.of("HV-COMMUNITY");
  public static final CareSetting ED = CareSetting.at("ED", GENERAL);
  public static final CareSetting MIU = CareSetting.at("MIU", COMMUNITY);
  public static final CareSetting MSK_CLINIC = CareSetting.at("MSK_OUTPATIENT", GENERAL);
  public static final CareSetting WARD = CareSetting.at("WARD", GENERAL);

  /** The radiology services manager, named by the trust board to grant entitlement (principle 1). */
  public static final PersonId DELEGATE = PersonId.of("HV-0001");
  public static final DelegationId DELEGATION = DelegationId.of("HV-DLG-2024-01");
  /** Emergency nurse practitioner. */
  public static final PersonId NURSE = PersonId.of("HV-1001");
  /** First-contact physiotherapist in the MSK service. */
  public static final PersonId PHYSIO = PersonId.of("HV-1002");
  /** Advanced paramedic practitioner in the minor injuries unit. */
  public static final PersonId PARAMEDIC = PersonId.of("HV-1003");
  public static final PersonId SUPERVISOR = PersonId.of("HV-0002");
  public static final PersonId CLINICAL_LEAD = PersonId.of("HV-0003");
  public static final PersonId MANAGER = PersonId.of("HV-0004");

  public static final IndicationCode BACK_PAIN = IndicationCode.of("SIMPLE_MECHANICAL_BACK_PAIN");
  public static final IndicationCode ANKLE_INJURY = IndicationCode.of("ACUTE_ANKLE_INJURY");

  private static final Instant SET_UP = Instant.parse("2026-01-05T09:00:00Z");

  private SampleTrust() {}

  /** A new in-memory register holding the sample trust. */
  public static InMemoryRegister create() {
    InMemoryRegister memory = InMemoryRegister.create()
        .withExaminations(catalogue())
        .withGuidelines(guidelines())
        .withRegistrations(ImmutableList.of(
            registration(Regulator.NMC, "NMC-18A2231"),
            registration(Regulator.HCPC, "PH-118273"),
            registration(Regulator.HCPC, "PA-044122")));
    Register register = memory.register();
    register.employers().save(Employer.builder()
        .id(TRUST).name("Harrowfield Valley NHS Trust").proceduresVersion(1).build(), 0);
    register.employers().addProcedures(procedures());
    person(register, DELEGATE, "Morag", "Ellison", Profession.RADIOGRAPHER, Regulator.HCPC, "RA-000001");
    person(register, SUPERVISOR, "Tomasz", "Nowak", Profession.DOCTOR, Regulator.GMC, "7000001");
    person(register, CLINICAL_LEAD, "Priya", "Raman", Profession.DOCTOR, Regulator.GMC, "7000002");
    person(register, MANAGER, "Gareth", "Lloyd", Profession.NURSE, Regulator.NMC, "NMC-00A0001");
    register.delegations().save(Delegation.builder()
        .id(DELEGATION).employer(TRUST).delegate(Delegate.person(DELEGATE))
        .delegatedBy("Trust Board, minute 2024/117").validFrom(LocalDate.of(2024, 4, 1)).build(), 0);
    referrer(register, NURSE, "Aisha", "Okafor", Profession.NURSE, Regulator.NMC, "NMC-18A2231",
        "Emergency nurse practitioner");
    referrer(register, PHYSIO, "Callum", "Reid", Profession.PHYSIOTHERAPIST, Regulator.HCPC, "PH-118273",
        "First-contact physiotherapist");
    referrer(register, PARAMEDIC, "Bethan", "Hughes", Profession.PARAMEDIC, Regulator.HCPC, "PA-044122",
        "Advanced paramedic practitioner");
    return memory;
  }

  /** The role each sample referrer holds. */
  public static RoleId roleOf(PersonId person) {
    return RoleId.of("ROLE-" + person.value());
  }

  private static WrittenProcedures procedures() {
    return WrittenProcedures.builder()
        .employer(TRUST)
        .version(1)
        .effectiveFrom(LocalDate.of(2025, 1, 1))
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.IRMER_REFERRER)
            .addModalities(Modality.PLAIN_RADIOGRAPHY, Modality.CT, Modality.FLUOROSCOPY,
                Modality.NUCLEAR_MEDICINE, Modality.DEXA)
            .lapsePolicy(TrainingLapsePolicy.warnWithGrace(30))
            .build())
        .addTrainingRequirement(TrainingRequirement.builder()
            .training(TrainingType.MRI_SAFETY)
            .addModality(Modality.MRI)
            .build())
        .build();
  }

  private static ProfessionalRegistration registration(Regulator regulator, String number) {
    return ProfessionalRegistration.builder().regulator(regulator).number(number)
        .status(RegistrationStatus.REGISTERED).registeredOn(LocalDate.of(2012, 9, 1)).checkedAt(SET_UP)
        .build();
  }

  private static void person(Register register, PersonId id, String given, String family,
      Profession profession, Regulator regulator, String number) {
    register.people().save(Person.builder().id(id).givenName(given).familyName(family)
        .profession(profession).registration(registration(regulator, number)).build(), 0);
  }

  private static void referrer(Register register, PersonId id, String given, String family,
      Profession profession, Regulator regulator, String number, String title) {
    person(register, id, given, family, profession, regulator, number);
    register.people().saveRole(Role.builder().id(roleOf(id)).person(id).employer(TRUST).title(title)
        .level(LevelOfPractice.ADVANCED).validFrom(LocalDate.of(2023, 6, 1)).build(), 0);
    register.training().add(TrainingRecord.builder().id(TrainingRecordId.of("TR-IRMER-" + id))
        .person(id).type(TrainingType.IRMER_REFERRER).completed(LocalDate.of(2025, 2, 10))
        .expires(LocalDate.of(2028, 2, 9)).evidence("e-learning certificate").verifiedBy(DELEGATE)
        .build());
  }

  /** An illustrative catalogue of 30 examinations across modalities and regions. */
  public static ImmutableList<Examination> catalogue() {
    return ImmutableList.of(
        xray("XCHES", "X-ray chest", BodyRegion.CHEST, Laterality.NOT_APPLICABLE),
        xray("XSHOL", "X-ray shoulder left", BodyRegion.SHOULDER, Laterality.LEFT),
        xray("XSHOR", "X-ray shoulder right", BodyRegion.SHOULDER, Laterality.RIGHT),
        xray("XELBL", "X-ray elbow left", BodyRegion.ELBOW, Laterality.LEFT),
        xray("XELBR", "X-ray elbow right", BodyRegion.ELBOW, Laterality.RIGHT),
        xray("XWRIL", "X-ray wrist left", BodyRegion.WRIST, Laterality.LEFT),
        xray("XWRIR", "X-ray wrist right", BodyRegion.WRIST, Laterality.RIGHT),
        xray("XHANL", "X-ray hand left", BodyRegion.HAND, Laterality.LEFT),
        xray("XHANR", "X-ray hand right", BodyRegion.HAND, Laterality.RIGHT),
        xray("XHIPL", "X-ray hip left", BodyRegion.HIP, Laterality.LEFT),
        xray("XKNEL", "X-ray knee left", BodyRegion.KNEE, Laterality.LEFT),
        xray("XKNER", "X-ray knee right", BodyRegion.KNEE, Laterality.RIGHT),
        xray("XANKL", "X-ray ankle left", BodyRegion.ANKLE, Laterality.LEFT),
        xray("XANKR", "X-ray ankle right", BodyRegion.ANKLE, Laterality.RIGHT),
        xray("XFOOL", "X-ray foot left", BodyRegion.FOOT, Laterality.LEFT),
        xray("XFOOR", "X-ray foot right", BodyRegion.FOOT, Laterality.RIGHT),
        xray("XLSPI", "X-ray lumbar spine", BodyRegion.LUMBAR_SPINE, Laterality.NOT_APPLICABLE),
        xray("XCSPI", "X-ray cervical spine", BodyRegion.CERVICAL_SPINE, Laterality.NOT_APPLICABLE),
        xray("XPELV", "X-ray pelvis", BodyRegion.PELVIS, Laterality.NOT_APPLICABLE),
        exam("CHEAD", "CT head", Modality.CT, BodyRegion.HEAD, false),
        exam("CCSPI", "CT cervical spine", Modality.CT, BodyRegion.CERVICAL_SPINE, false),
        exam("CABPC", "CT abdomen and pelvis with contrast", Modality.CT, BodyRegion.ABDOMEN, true),
        exam("MKNEL", "MRI knee left", Modality.MRI, BodyRegion.KNEE, false),
        exam("MKNER", "MRI knee right", Modality.MRI, BodyRegion.KNEE, false),
        exam("MLSPI", "MRI lumbar spine", Modality.MRI, BodyRegion.LUMBAR_SPINE, false),
        exam("MSHOL", "MRI shoulder left", Modality.MRI, BodyRegion.SHOULDER, false),
        exam("UABDO", "Ultrasound abdomen", Modality.ULTRASOUND, BodyRegion.ABDOMEN, false),
        exam("USHOL", "Ultrasound shoulder left", Modality.ULTRASOUND, BodyRegion.SHOULDER, false),
        exam("NBONE", "Nuclear medicine bone scan", Modality.NUCLEAR_MEDICINE, BodyRegion.WHOLE_BODY, false),
        exam("DHIPS", "DEXA hips and spine", Modality.DEXA, BodyRegion.WHOLE_BODY, false));
  }

  private static Examination xray(String code, String name, BodyRegion region, Laterality laterality) {
    return Examination.builder().code(ExaminationCode.of(code)).name(name)
        .modality(Modality.PLAIN_RADIOGRAPHY).region(region).laterality(laterality).build();
  }

  private static Examination exam(String code, String name, Modality modality, BodyRegion region,
      boolean contrast) {
    return Examination.builder().code(ExaminationCode.of(code)).name(name).modality(modality)
        .region(region).contrast(contrast).build();
  }

  /** A few illustrative referral guideline entries, in the manner of iRefer. */
  public static ImmutableList<GuidelineEntry> guidelines() {
    return ImmutableList.of(
        GuidelineEntry.builder().id(GuidelineId.of("G-MSK-01")).indication(BACK_PAIN)
            .clinicalProblem("Simple mechanical low back pain").examination(ExaminationCode.of("XLSPI"))
            .recommendation(GuidelineRecommendation.NOT_INDICATED).doseBand(DoseBand.II)
            .comment("Imaging is not indicated without red flags.").build(),
        GuidelineEntry.builder().id(GuidelineId.of("G-MSK-02")).indication(BACK_PAIN)
            .clinicalProblem("Simple mechanical low back pain").examination(ExaminationCode.of("MLSPI"))
            .recommendation(GuidelineRecommendation.SPECIALIST_REFERRAL_ONLY).doseBand(DoseBand.NONE)
            .comment("Consider only if symptoms persist beyond six weeks.").build(),
        GuidelineEntry.builder().id(GuidelineId.of("G-TRA-01")).indication(ANKLE_INJURY)
            .clinicalProblem("Acute ankle injury").examination(ExaminationCode.of("XANKR"))
            .recommendation(GuidelineRecommendation.INDICATED_IN_SPECIFIC_CIRCUMSTANCES)
            .doseBand(DoseBand.I).comment("Indicated when the Ottawa ankle rules are met.").build());
  }
}
