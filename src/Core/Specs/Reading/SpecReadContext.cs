using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Specs.Yaml;
using EfficiencyMisnomer.Units;

namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>
/// What every section reader shares: the spec's path and folder, the diagnostics found so far, and the checks of
/// single values (type, unit, range), each reporting a coded error at the value's position and returning null.
/// </summary>
internal sealed class SpecReadContext
{
    private const string NotAMap = "{0} must be a map of 'key: value' entries, not {1}";
    private const string NotAScalar = "{0} must be a single value, not {1}";
    private const string Missing = "{0} has no value";
    private const string UnknownKeyMessage = "unknown key '{0}' in {1} (known keys: {3}){2}";
    private const string NotAChoice = "{0} is '{1}', which is not one of {2}{3}";
    private const string NotAPositiveInteger = "{0} must be a positive whole number, not '{1}'";
    private const string Negative = "{0} must not be negative, not '{1}'";
    private const string BadQuantity = "{0}: {1}";

    private readonly Lazy<PathRoot> root;

    public SpecReadContext(string path)
    {
        Path = path;
        Folder = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
        root = new Lazy<PathRoot>(() => PathRoot.ForFile(path));
    }

    /// <summary>The spec file as given; diagnostics name it so.</summary>
    public string Path { get; }

    /// <summary>The folder relative paths in the spec start from.</summary>
    public string Folder { get; }

    public List<Diagnostic> Diagnostics { get; } = new();

    public bool HasErrors => Diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public static string Text(string template, params object[] args) => UserText.Format(template, args);

    public void Error(string code, string message, SourceLocation location) => Diagnostics.Add(Diagnostic.Error(code, message, location));

    public YamlMap? Map(YamlValue value, string what)
    {
        if (value is YamlMap map)
        {
            return map;
        }

        Error(ErrorCodes.SpecWrongType, Text(NotAMap, what, value.Kind), value.Location);
        return null;
    }

    /// <summary>
    /// A section of named entries (<c>models</c>, <c>benchmarks</c>, <c>hardware</c>): a map whose every value is a map,
    /// read by <c>read</c>; an entry that is not a map, or that <c>read</c> refuses (null), is left out with its error.
    /// <c>empty</c>, when given, is the error of a section with no entry. <c>section</c> names the section in messages
    /// (<c>'models'</c>), <c>kind</c> one entry, before its quoted name (<c>model</c>).
    /// </summary>
    public List<T> Entries<T>(YamlValue value, string section, string kind, string? empty, Func<YamlScalar, YamlMap, T?> read)
        where T : class
    {
        var entries = new List<T>();
        if (Map(value, section) is not { } map)
        {
            return entries;
        }

        if (map.Entries.Count == 0 && empty is not null)
        {
            Error(ErrorCodes.SpecMissingKey, empty, map.Location);
        }

        foreach (var (key, body) in map.Entries)
        {
            if (Map(body, $"{kind} '{UserText.Quote(key.Text)}'") is { } fields && read(key, fields) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public void UnknownKey(YamlScalar key, string where, IReadOnlyCollection<string> known) =>
        Error(ErrorCodes.SpecUnknownKey,
            Text(UnknownKeyMessage, UserText.Quote(key.Text), where, NameSuggestion.DidYouMean(key.Text, known), string.Join(", ", known)),
            key.Location);

    /// <summary>A non-empty scalar's text.</summary>
    public string? Scalar(YamlValue value, string what)
    {
        if (value is not YamlScalar scalar)
        {
            Error(ErrorCodes.SpecWrongType, Text(NotAScalar, what, value.Kind), value.Location);
            return null;
        }

        if (scalar.IsNull || scalar.Text.Trim().Length == 0)
        {
            Error(ErrorCodes.SpecInvalidValue, Text(Missing, what), value.Location);
            return null;
        }

        return scalar.Text.Trim();
    }

    public T? Choice<T>(YamlValue value, string what, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (Scalar(value, what) is not { } text)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var choice))
        {
            return choice;
        }

        Error(ErrorCodes.SpecInvalidValue,
            Text(NotAChoice, what, UserText.Quote(text), string.Join(", ", choices.Keys), NameSuggestion.DidYouMean(text, choices.Keys)),
            value.Location);
        return null;
    }

    public int? PositiveInteger(YamlValue value, string what)
    {
        if (Scalar(value, what) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        Error(ErrorCodes.SpecInvalidValue, Text(NotAPositiveInteger, what, UserText.Quote(text)), value.Location);
        return null;
    }

    /// <summary>A non-negative quantity of <paramref name="dimension"/>, in its base unit; a wrong unit is <see cref="ErrorCodes.BudgetWrongUnit"/>.</summary>
    public double? Quantity(YamlValue value, string what, Dimension dimension)
    {
        if (Scalar(value, what) is not { } text)
        {
            return null;
        }

        if (!QuantityParser.TryParse(text, out var quantity, out var error))
        {
            Error(ErrorCodes.SpecInvalidValue, Text(BadQuantity, what, error), value.Location);
            return null;
        }

        if (!QuantityParser.TryParse(text, dimension, out var converted, out error))
        {
            Error(ErrorCodes.BudgetWrongUnit, Text(BadQuantity, what, error), value.Location);
            return null;
        }

        if (quantity.Value < 0)
        {
            Error(ErrorCodes.SpecInvalidValue, Text(Negative, what, UserText.Quote(text)), value.Location);
            return null;
        }

        return converted;
    }

    /// <summary>A path written in the spec, joined to the spec's folder (absolute paths stay as they are).</summary>
    public string Resolve(string path) => System.IO.Path.Combine(Folder, path);

    /// <summary>
    /// A path written in the spec, resolved as <see cref="Resolve"/> does, or null with <see cref="ErrorCodes.PathOutsideRoot"/>
    /// when it leads outside the spec's repository (or its folder outside a repository): a spec names only files there.
    /// </summary>
    public string? ResolveInside(Located<string> path, string what)
    {
        var resolved = Resolve(path.Value);
        if (root.Value.Contains(resolved))
        {
            return resolved;
        }

        Error(ErrorCodes.PathOutsideRoot, root.Value.Message(path.Value, what, "spec"), path.Location);
        return null;
    }
}
