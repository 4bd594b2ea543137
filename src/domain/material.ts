/** One entry of the material catalogue. */
export interface Material {
  id: string;
  name: string;
  grp: string | null;
  parent: string | null;
  stages: string[];
  default_stage: string | null;
  hs_codes: string[];
  cn_codes: string[];
  hs_caveat: string | null;
  eu_study_name: string | null;
  eu_crm_2023: boolean;
  eu_srm_2024: boolean;
  jp_critical: boolean;
  jp_designation: string | null;
  notes: string | null;
}
