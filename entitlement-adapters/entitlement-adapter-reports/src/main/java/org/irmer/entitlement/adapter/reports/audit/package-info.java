/**
 * The retrospective audit report as one self-contained HTML page (principle 10 of the 2025
 * guidance): {@link org.irmer.entitlement.adapter.reports.audit.AuditReportPage}.
 */
package org.irmer.entitlement.adapter.reports.audit;
