/** Everything the import noticed, for the report: problems with where they came from, and images to describe. */
export class Findings {
  readonly problems: { where: string; message: string; file?: string }[] = [];
  readonly undescribed: { where: string; image: string; file: string }[] = [];

  problem(where: string, message: string, file?: string): void {
    this.problems.push({ where, message, ...(file ? { file } : {}) });
  }

  missingAlt(where: string, image: string, file: string): void {
    this.undescribed.push({ where, image, file });
  }
}
