package org.irmer.entitlement.core.domain;

/** The level of practice of a role, as the 2025 joint guidance names them. */
public enum LevelOfPractice {
  ENHANCED,
  ADVANCED,
  CONSULTANT,
  SPECIALIST,
  OTHER
}
