/**
 * FHIR R4 for the referral check, through HAPI FHIR; the entry point is {@link
 * org.irmer.entitlement.adapter.fhir.FhirOrders}.
 */
@NullMarked
package org.irmer.entitlement.adapter.fhir;

import org.jspecify.annotations.NullMarked;
