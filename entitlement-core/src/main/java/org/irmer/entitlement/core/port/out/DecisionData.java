package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;

/**
 * Everything a referral decision reads (DOMAIN.md section 5), read-only and latest versions only:
 * employers and their current written procedures, people with their registrations and roles, their
 * entitlements and training, group entitlements, shared-responsibility agreements, the examination
 * catalogue and the referral guidelines.
 *
 * <p>Two kinds of implementation honour every method: the live stores ({@code
 * StoreDecisionData} in the core's services) and a compiled snapshot of them (the rules module).
 * The bulk reads let an engine compile a snapshot with a handful of queries rather than one per
 * referrer.
 *
 * <p>"Not found" is an empty {@code Optional} or list. Lists are sorted by id unless stated
 * otherwise, so that nothing depends on the order in which a store returns rows (rule 9).
 *
 * @throws StoreUnavailableException from any method when the data cannot be read
 */
public interface DecisionData {

  /** The employer; empty when unknown. */
  Optional<Employer> employer(EmployerId id);

  /** Every employer. */
  ImmutableList<Employer> employers();

  /** The procedures version the employer currently names; empty when either is unknown. */
  Optional<WrittenProcedures> currentProcedures(EmployerId employer);

  /** The person, with their registration as the register holds it; empty when unknown. */
  Optional<Person> person(PersonId id);

  /** Every person. */
  ImmutableList<Person> people();

  /** Every role the person has held or holds, sorted by start date then id. */
  ImmutableList<Role> roles(PersonId person);

  /** Every role of every person. */
  ImmutableList<Role> allRoles();

  /** The entitlements naming the person individually, every status, latest versions. */
  ImmutableList<Entitlement> entitlements(PersonId person);

  /** The employer's group entitlements, every status, latest versions. */
  ImmutableList<Entitlement> groupEntitlements(EmployerId employer);

  /** Every entitlement, individual and group, every status, latest versions. */
  ImmutableList<Entitlement> allEntitlements();

  /** The person's training records, sorted by completion date then id. */
  ImmutableList<TrainingRecord> training(PersonId person);

  /** Every training record, sorted by person, completion date and id. */
  ImmutableList<TrainingRecord> allTraining();

  /** The agreements under which {@code employer} recognises other employers' entitlements. */
  ImmutableList<SharedResponsibilityAgreement> agreementsRecognisedBy(EmployerId employer);

  /** Every shared-responsibility agreement. */
  ImmutableList<SharedResponsibilityAgreement> agreements();

  /** The examination; empty for a code the catalogue does not hold. */
  Optional<Examination> examination(ExaminationCode code);

  /** Every examination, sorted by code. */
  ImmutableList<Examination> examinations();

  /** The body-region tree the catalogue's regions belong to. */
  BodyRegionTree regions();

  /** The guideline entries for this clinical problem and examination. */
  ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination);

  /** Every guideline entry. */
  ImmutableList<GuidelineEntry> guidelines();
}
