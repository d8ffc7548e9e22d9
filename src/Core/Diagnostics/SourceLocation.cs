namespace EfficiencyMisnomer.Diagnostics;

/// <summary>Where a diagnostic points: a file, optionally a line and column, optionally an element inside it.</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0, string? Element = null)
{
    /// <summary>The canonical MSBuild form <c>file(line,col)</c>, with the element (e.g. a node) appended.</summary>
    public override string ToString()
    {
        var position = Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
        return Element is null ? position : $"{position}: {Element}";
    }
}
