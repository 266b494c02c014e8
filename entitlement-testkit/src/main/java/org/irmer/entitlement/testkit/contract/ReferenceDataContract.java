package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.examination;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.guideline;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.registration;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.ChangeKind;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * For an adapter that offers a whole {@link Register}: its reference data, the examination
 * catalogue with its region tree ({@link ExaminationCatalogue#replace}), the guidelines ({@link
 * GuidelineCatalogue#replace}) and the regulators' register entries ({@link
 * RegistrationLookup#record}), is written through the ports, each write joining the caller's unit
 * of work: a unit that fails leaves the data as it was, and a catalogue or guideline change is on
 * the change feed exactly when it commits. An import of register files, which writes these with
 * the records in one unit, relies on it.
 */
public abstract class ReferenceDataContract {

  /** A tree that is not the standard one, so that a replacement visibly changes the tree. */
  private static final BodyRegionTree LIMB = BodyRegionTree.builder()
      .root(BodyRegion.LOWER_LIMB)
      .child(BodyRegion.KNEE, BodyRegion.LOWER_LIMB)
      .child(BodyRegion.of("PATELLA"), BodyRegion.KNEE)
      .build();
  private static final Examination KNEE = examination("XKNEL", BodyRegion.KNEE);
  private static final Examination PATELLA = examination("XPATL", BodyRegion.of("PATELLA"));
  private static final GuidelineEntry FIRST = guideline("G1", "knee-injury", "XKNEL");
  private static final GuidelineEntry SECOND = guideline("G2", "knee-injury", "XKNEL");

  private Register register;

  /**
   * A register whose stores, trail and change feed are empty and whose catalogue holds nothing
   * over the {@linkplain BodyRegionTree#standard() standard} tree, sharing nothing with any
   * register returned before. Called once before each test, on a new test instance.
   */
  protected abstract Register newRegister();

  @BeforeEach
  final void openRegister() {
    register = newRegister();
    checkState(register != null, "newRegister() returned null");
  }

  @Test
  void replacesTheCatalogueAndItsTreeWholeAndPublishesOneCatalogueChange() {
    long before = register.changes().lastSequence();
    register.examinations().replace(LIMB, ImmutableList.of(PATELLA, KNEE));

    assertThat(register.examinations().regions()).isEqualTo(LIMB);
    assertThat(register.examinations().all()).containsExactly(KNEE, PATELLA);
    assertThat(register.changes().changesSince(before, 10)).extracting(RegisterChange::kind)
        .containsExactly(ChangeKind.CATALOGUE);

    register.examinations().replace(BodyRegionTree.standard(), ImmutableList.of(KNEE));

    assertThat(register.examinations().regions()).isEqualTo(BodyRegionTree.standard());
    assertThat(register.examinations().all()).containsExactly(KNEE);
    assertThat(register.examinations().find(PATELLA.code())).isEmpty();
  }

  @Test
  void refusesAnExaminationOutsideTheTreeAndKeepsTheCatalogue() {
    register.examinations().replace(LIMB, ImmutableList.of(KNEE));
    long before = register.changes().lastSequence();

    assertThatThrownBy(() -> register.examinations().replace(BodyRegionTree.standard(),
        ImmutableList.of(KNEE, PATELLA))).isInstanceOf(IllegalArgumentException.class);

    assertThat(register.examinations().regions()).isEqualTo(LIMB);
    assertThat(register.examinations().all()).containsExactly(KNEE);
    assertThat(register.changes().lastSequence()).isEqualTo(before);
  }

  @Test
  void aFailedUnitOfWorkLeavesTheCatalogueTheGuidelinesAndTheRegulatorsEntriesAsTheyWere() {
    ProfessionalRegistration registered = registration(Regulator.HCPC, "PH100001");
    register.examinations().replace(LIMB, ImmutableList.of(KNEE));
    register.guidelines().replace(ImmutableList.of(FIRST));
    register.registrationLookup().record(registered);
    long before = register.changes().lastSequence();

    assertThatThrownBy(() -> register.transactions().inTransaction(() -> {
      register.examinations().replace(BodyRegionTree.standard(), ImmutableList.of());
      register.guidelines().replace(ImmutableList.of(SECOND));
      register.registrationLookup().record(lapsed(registered));
      register.registrationLookup().record(registration(Regulator.NMC, "99X0001E"));
      assertThat(register.examinations().all()).as("the unit reads its own writes").isEmpty();
      throw new IllegalStateException("the unit of work fails");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(register.examinations().regions()).isEqualTo(LIMB);
    assertThat(register.examinations().all()).containsExactly(KNEE);
    assertThat(register.guidelines().all()).containsExactly(FIRST);
    assertThat(register.registrationLookup().lookup(Regulator.HCPC, "PH100001"))
        .contains(registered);
    assertThat(register.registrationLookup().lookup(Regulator.NMC, "99X0001E")).isEmpty();
    assertThat(register.changes().lastSequence()).isEqualTo(before);
  }

  @Test
  void aCommittedUnitOfWorkKeepsEveryReplacementAndPublishesEachChangeOnce() {
    long before = register.changes().lastSequence();

    register.transactions().inTransaction(() -> {
      register.examinations().replace(LIMB, ImmutableList.of(KNEE, PATELLA));
      register.guidelines().replace(ImmutableList.of(SECOND, FIRST));
      register.registrationLookup().record(registration(Regulator.NMC, "99X0001E"));
      return null;
    });

    assertThat(register.examinations().all()).containsExactly(KNEE, PATELLA);
    assertThat(register.guidelines().advice(IndicationCode.of("knee-injury"), KNEE.code()))
        .containsExactly(FIRST, SECOND);
    assertThat(register.registrationLookup().lookup(Regulator.NMC, "99X0001E")).isPresent();
    assertThat(register.changes().changesSince(before, 10)).extracting(RegisterChange::kind)
        .containsExactly(ChangeKind.CATALOGUE, ChangeKind.GUIDELINES);
  }

  @Test
  void replacesTheGuidelinesWholeAndPublishesOneGuidelinesChange() {
    register.guidelines().replace(ImmutableList.of(FIRST, SECOND));
    long before = register.changes().lastSequence();

    register.guidelines().replace(ImmutableList.of(SECOND));

    assertThat(register.guidelines().all()).containsExactly(SECOND);
    assertThat(register.changes().changesSince(before, 10)).extracting(RegisterChange::kind)
        .containsExactly(ChangeKind.GUIDELINES);
  }

  @Test
  void refusesTwoGuidelinesWithOneIdAndKeepsTheGuidelines() {
    register.guidelines().replace(ImmutableList.of(FIRST));

    assertThatThrownBy(() -> register.guidelines().replace(ImmutableList.of(SECOND,
        guideline("G2", "other", "XKNER")))).isInstanceOf(IllegalArgumentException.class);

    assertThat(register.guidelines().all()).containsExactly(FIRST);
  }

  @Test
  void recordsARegulatorsEntryReplacingTheOneBeforeIt() {
    ProfessionalRegistration registered = registration(Regulator.HCPC, "PH100001");
    register.registrationLookup().record(registered);
    register.registrationLookup().record(lapsed(registered));

    assertThat(register.registrationLookup().lookup(Regulator.HCPC, "PH100001"))
        .contains(lapsed(registered));
  }

  private static ProfessionalRegistration lapsed(ProfessionalRegistration registration) {
    return ProfessionalRegistration.builder().from(registration)
        .status(RegistrationStatus.LAPSED).build();
  }
}
