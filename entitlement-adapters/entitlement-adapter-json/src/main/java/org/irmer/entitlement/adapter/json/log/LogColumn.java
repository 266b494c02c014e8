package org.irmer.entitlement.adapter.json.log;

import java.util.Optional;

/**
 * The columns of a referral log, in the order a log written by {@link ReferralLogs} has them. The
 * names are those of a request file of the command-line tool's {@code check --file}
 * ({@code request.schema.json}), with the request's origin added; LOGS.md documents each.
 */
enum LogColumn {
  REFERRER("referrer", true),
  EMPLOYER("employer", true),
  EXAM("exam", true),
  BIRTH_DATE("birthDate", false),
  SEX("sex", false),
  PREGNANCY("pregnancy", false),
  SETTING("setting", false),
  INDICATION("indication", false),
  INFO("info", false),
  URGENCY("urgency", false),
  CONTRAST("contrast", false),
  AT("at", true),
  ORDER("order", false),
  CHANNEL("channel", false),
  REFERENCE("reference", false),
  CLIENT("client", false);

  /** The separator of the items of the {@link #INFO} column in CSV. */
  static final char INFO_SEPARATOR = ';';

  private static final LogColumn[] ALL = values();

  private final String header;
  private final boolean required;

  LogColumn(String header, boolean required) {
    this.header = header;
    this.required = required;
  }

  /** The column's name in a CSV header, and the member's name in a JSON line. */
  String header() {
    return header;
  }

  /** Whether every row must give a value: a CSV header must then name the column. */
  boolean required() {
    return required;
  }

  static Optional<LogColumn> named(String name) {
    for (LogColumn column : ALL) {
      if (column.header.equals(name)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  static int count() {
    return ALL.length;
  }

  static LogColumn at(int ordinal) {
    return ALL[ordinal];
  }
}
