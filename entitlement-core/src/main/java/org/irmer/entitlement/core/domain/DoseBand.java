package org.irmer.entitlement.core.domain;

/** The typical effective dose band of an examination, as referral guidelines give it. */
public enum DoseBand {
  /** No ionising radiation. */
  NONE,
  /** Less than 1 mSv. */
  I,
  /** 1 to 5 mSv. */
  II,
  /** 5 to 10 mSv. */
  III,
  /** More than 10 mSv. */
  IV
}
