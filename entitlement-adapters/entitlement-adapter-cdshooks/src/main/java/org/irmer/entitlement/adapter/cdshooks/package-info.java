/**
 * A CDS Hooks 2.0 service (https://cds-hooks.hl7.org/2.0/) for the referral check: discovery,
 * {@code order-select} and {@code order-sign} answered with cards, and feedback on those cards
 * kept in the audit trail (principle 9 of the 2025 guidance). {@link
 * org.irmer.entitlement.adapter.cdshooks.CdsHooksService} is the one public entry point; the
 * request handling, the JWT checks and the card wording are package-private.
 */
@NullMarked
package org.irmer.entitlement.adapter.cdshooks;

import org.jspecify.annotations.NullMarked;
