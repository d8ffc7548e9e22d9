using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Specs.Yaml;

/// <summary>A node of a spec's YAML document, remembering where it starts in the file.</summary>
internal abstract record YamlValue(SourceLocation Location)
{
    /// <summary>"a map", "a list", "a single value": how messages name what was found, never by its text (it may be anything a mistaken or hostile path leads to).</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar as written (YAML's implicit typing is not applied: the spec reader decides what it means).</summary>
internal sealed record YamlScalar(string Text, bool Quoted, SourceLocation Location) : YamlValue(Location)
{
    /// <summary>An unquoted empty value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => IsNull ? "an empty value" : "a single value";
}

/// <summary>A YAML sequence.</summary>
internal sealed record YamlList(IReadOnlyList<YamlValue> Items, SourceLocation Location) : YamlValue(Location)
{
    public override string Kind => "a list";
}

/// <summary>A YAML mapping, in file order, duplicate keys already removed (and reported).</summary>
internal sealed record YamlMap(IReadOnlyList<YamlEntry> Entries, SourceLocation Location) : YamlValue(Location)
{
    public override string Kind => "a map";
}

/// <summary>One <c>key: value</c> entry of a map.</summary>
internal sealed record YamlEntry(YamlScalar Key, YamlValue Value);
