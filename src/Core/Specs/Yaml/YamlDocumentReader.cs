using System.Text.RegularExpressions;
using EfficiencyMisnomer.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EfficiencyMisnomer.Specs.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlValue"/> nodes with their file positions, from YamlDotNet's
/// event parser. Syntax errors, duplicate keys and non-scalar keys become diagnostics, never exceptions.
/// </summary>
internal sealed partial class YamlDocumentReader
{
    private const int MaxDepth = 64;
    private const string SyntaxError = "YAML syntax error: {0}";
    private const string DuplicateKey = "duplicate key '{0}' (first at line {1}); each key may appear once";
    private const string ComplexKey = "a key must be a plain name, not {0}";
    private const string TooDeep = "the document nests deeper than {0} levels";
    private const string SecondDocument = "a spec file holds one YAML document; remove the second one (or the '---' that starts it)";
    private const string UnknownAnchor = "alias '*{0}' refers to no anchor defined before it";

    private readonly Parser parser;
    private readonly string file;
    private readonly List<Diagnostic> diagnostics;
    private readonly Dictionary<string, YamlValue> anchors = new(StringComparer.Ordinal);

    private YamlDocumentReader(TextReader text, string file, List<Diagnostic> diagnostics)
    {
        parser = new Parser(text);
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /// <summary>The document's root, or null when the file holds no document or cannot be parsed (then a diagnostic says why).</summary>
    public static YamlValue? Read(TextReader text, string file, List<Diagnostic> diagnostics) =>
        new YamlDocumentReader(text, file, diagnostics).ReadStream();

    private YamlValue? ReadStream()
    {
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                Error(ErrorCodes.SpecSyntax, SecondDocument, second.Start);
            }

            return root;
        }
        catch (YamlException e)
        {
            Error(ErrorCodes.SpecSyntax, Text(SyntaxError, Bare(e.Message)), e.Start);
            return null;
        }
    }

    private YamlValue ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, Text(TooDeep, MaxDepth));
        }

        YamlValue node;
        var start = parser.Current!;
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, Text(UnknownAnchor, alias.Value.Value));
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new YamlScalar(scalar.Value, scalar.Style is not ScalarStyle.Plain, Locate(scalar.Start));
        }
        else if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            node = ReadList(sequence, depth);
        }
        else
        {
            node = ReadMap(parser.Consume<MappingStart>(), depth);
        }

        if (start is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private YamlList ReadList(SequenceStart start, int depth)
    {
        var items = new List<YamlValue>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(depth + 1));
        }

        return new YamlList(items, Locate(start.Start));
    }

    private YamlMap ReadMap(MappingStart start, int depth)
    {
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is not YamlScalar name)
            {
                Error(ErrorCodes.SpecWrongType, Text(ComplexKey, key.Kind), keyEvent.Start);
                continue;
            }

            if (seen.TryGetValue(name.Text, out var first))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.SpecDuplicateKey, Text(DuplicateKey, name.Text, first.Location.Line), name.Location));
                continue;
            }

            seen[name.Text] = name;
            entries.Add(new YamlEntry(name, value));
        }

        return new YamlMap(entries, Locate(start.Start));
    }

    private SourceLocation Locate(Mark mark) =>
        new(file, (int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    private void Error(string code, string message, Mark mark) => diagnostics.Add(Diagnostic.Error(code, message, Locate(mark)));

    private static string Text(string template, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
    private static string Bare(string message) => PositionPrefix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
