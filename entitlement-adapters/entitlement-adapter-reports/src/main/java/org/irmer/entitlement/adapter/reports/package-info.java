/**
 * What a governance lead reads (principles 3 and 10 of the 2025 guidance): the retrospective audit
 * report, as JSON, CSV and one self-contained HTML page whose charts ECharts draws, and a referrer's
 * written scope of entitlement as an HTML letter and a PDF. Templates are jte files under {@code
 * src/main/jte}, compiled to Java and type-checked at build time.
 */
package org.irmer.entitlement.adapter.reports;
