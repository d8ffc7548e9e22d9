namespace EfficiencyMisnomer.Specs.Yaml;

/// <summary>Scalars written into YAML that the tool generates (a spec scaffold, a hardware profile to paste).</summary>
public static class YamlText
{
    /// <summary>A double-quoted scalar: only the backslash and the quote need escaping.</summary>
    public static string Quoted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A scalar plain where that reads back as the same string, double-quoted otherwise.</summary>
    public static string Scalar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            && !char.IsAsciiDigit(text[0]) && text is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off");
        return plain ? text : Quoted(text);
    }
}
