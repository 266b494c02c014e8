package org.irmer.entitlement.core.domain;

/** A person's profession, as recorded by the register; it does not by itself entitle anyone. */
public enum Profession {
  DOCTOR,
  NURSE,
  MIDWIFE,
  PHYSIOTHERAPIST,
  RADIOGRAPHER,
  PARAMEDIC,
  PHARMACIST,
  PODIATRIST,
  OCCUPATIONAL_THERAPIST,
  OPTOMETRIST,
  DENTIST,
  OSTEOPATH,
  CHIROPRACTOR,
  /** Many sonographers hold no statutory registration and then cannot be entitled. */
  SONOGRAPHER,
  OTHER
}
