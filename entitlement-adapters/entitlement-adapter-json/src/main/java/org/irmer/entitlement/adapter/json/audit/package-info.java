/**
 * The report of a retrospective audit of referral logs written as JSON and CSV ({@link
 * org.irmer.entitlement.adapter.json.audit.AuditReportFiles}).
 */
@NullMarked
package org.irmer.entitlement.adapter.json.audit;

import org.jspecify.annotations.NullMarked;
