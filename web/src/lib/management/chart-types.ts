/** One figure of a chart: its label, its value and the list behind it. */
export interface ChartDatum {
  key: string;
  label: string;
  /** A second line under the label on the category axis (the year under a month). */
  sublabel?: string;
  value: number;
  href?: string;
}
