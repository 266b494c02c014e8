/**
 * The decision engine: what DOMAIN.md section 5 says, as code. {@link
 * org.irmer.entitlement.rules.ReferenceEvaluator} follows it line by line for obviousness;
 * {@link org.irmer.entitlement.rules.ReferralCheckService} and {@link
 * org.irmer.entitlement.rules.ClinicalEvaluationCheckService} implement the check use cases on
 * top of any {@link org.irmer.entitlement.rules.ReferralEvaluator}. Depends on core only.
 */
@NullMarked
package org.irmer.entitlement.rules;

import org.jspecify.annotations.NullMarked;
