package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;

/**
 * The records of a whole entitlement register as it stands (DOMAIN.md section 4), as {@link
 * Registers#registers()} generates them: every reference resolves to a record of the same register
 * and every id is used once. The register's history (applications, audits, compliance events, the
 * trail, earlier versions) is not part of it, and every store version is 0, as for records not yet
 * stored.
 *
 * @param tree the catalogue's body-region tree
 * @param examinations the catalogue's examinations, over {@code tree}, with distinct codes
 * @param guidelines referral guideline entries for examinations of the catalogue (principle 7)
 * @param employers employers, each naming a version of its procedures listed in {@code procedures}
 * @param procedures every version of every employer's written procedures (principle 8)
 * @param people people, referrers or not, with the register's copy of their registration
 * @param roles roles of those people at those employers
 * @param delegations delegations by those employers to those people or to a named service
 * @param entitlements individual entitlements bound to a role of their person at their employer,
 *     group entitlements, each granted under a delegation of its employer (principle 3)
 * @param training training records of those people (principle 4)
 * @param agreements shared-responsibility agreements between two of those employers
 * @param regulatorRegister the regulators' own entries for registrations of those people, distinct
 *     by regulator and number
 */
public record RegisterRecords(
    BodyRegionTree tree,
    ImmutableList<Examination> examinations,
    ImmutableList<GuidelineEntry> guidelines,
    ImmutableList<Employer> employers,
    ImmutableList<WrittenProcedures> procedures,
    ImmutableList<Person> people,
    ImmutableList<Role> roles,
    ImmutableList<Delegation> delegations,
    ImmutableList<Entitlement> entitlements,
    ImmutableList<TrainingRecord> training,
    ImmutableList<SharedResponsibilityAgreement> agreements,
    ImmutableList<ProfessionalRegistration> regulatorRegister) {

  public RegisterRecords {
    checkNotNull(tree, "tree");
    checkNotNull(examinations, "examinations");
    checkNotNull(guidelines, "guidelines");
    checkNotNull(employers, "employers");
    checkNotNull(procedures, "procedures");
    checkNotNull(people, "people");
    checkNotNull(roles, "roles");
    checkNotNull(delegations, "delegations");
    checkNotNull(entitlements, "entitlements");
    checkNotNull(training, "training");
    checkNotNull(agreements, "agreements");
    checkNotNull(regulatorRegister, "regulatorRegister");
  }

  /** The catalogue of {@link #examinations} over {@link #tree}. */
  public ExaminationCatalogue catalogue() {
    return ExaminationCatalogues.of(tree, examinations);
  }
}
