namespace EfficiencyMisnomer.Diagnostics;

/// <summary>Where a diagnostic points: a file, optionally a line and column, optionally an element inside it.</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0, string? Element = null)
{
    /// <summary>
    /// The canonical MSBuild form <c>file(line,col)</c>. The element is not part of it: messages name
    /// the node or tensor themselves, and MSBuild and editors parse only the file position.
    /// </summary>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
}
