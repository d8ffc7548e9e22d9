namespace EfficiencyMisnomer.Exporters;

/// <summary>A table of plain-text cells, rendered alike as Markdown and HTML.</summary>
/// <param name="Caption">What the table shows, one line.</param>
/// <param name="Header">The column titles.</param>
/// <param name="Rows">The rows, as many cells as titles.</param>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
