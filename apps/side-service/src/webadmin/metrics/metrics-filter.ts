/**
 * Keeps only the samples whose name is one of `names` in a Prometheus text exposition, with the `# HELP` and
 * `# TYPE` lines of the metric families that keep at least one sample.
 */
export function filterExposition(text: string, names: ReadonlySet<string>): string {
  const lines = text.split('\n');
  const output: string[] = [];
  let header: string[] = [];
  for (const line of lines) {
    if (line.startsWith('# HELP ')) {
      header = [line];
      continue;
    }
    if (line.startsWith('# TYPE ')) {
      header.push(line);
      continue;
    }
    if (line.trim() === '') continue;
    const name = line.split(/[{\s]/, 1)[0]!;
    if (!names.has(name)) continue;
    output.push(...header, line);
    header = [];
  }
  return output.length > 0 ? `${output.join('\n')}\n` : '';
}
