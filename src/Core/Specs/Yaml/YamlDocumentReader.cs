using System.Text.RegularExpressions;
using EfficiencyMisnomer.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EfficiencyMisnomer.Specs.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlValue"/> nodes with their file positions, from YamlDotNet's
/// event parser. Syntax errors, duplicate keys and non-scalar keys become diagnostics, never exceptions, and no
/// message quotes the document's text beyond a key or anchor name (escaped and bounded): a file read as a spec by
/// mistake, or on purpose through a link, must not have its contents printed in a build log.
/// </summary>
internal sealed partial class YamlDocumentReader
{
    private const int MaxDepth = 64;

    /// <summary>The most values a document may hold, aliases counted as often as they are used: far above any spec, far below what fills memory.</summary>
    private const long MaxValues = 500_000;

    private const string SyntaxError = "YAML syntax error: {0}";
    private const string DuplicateKey = "duplicate key '{0}' (first at line {1}); each key may appear once";
    private const string ComplexKey = "a key must be a plain name, not {0}";
    private const string TooDeep = "the document nests deeper than {0} levels";
    private const string TooLarge = "the document holds more than {0} values (aliases counted each time they are used); a spec needs far fewer";
    private const string SecondDocument = "a spec file holds one YAML document; remove the second one (or the '---' that starts it)";
    private const string UnknownAnchor = "alias '*{0}' refers to no anchor defined before it";
    private const string Unclosed = "YAML syntax error: the {0} opened here is not closed; close it ('{1}') before the next key";
    private const string Unreadable = "YAML syntax error: the YAML parser cannot read the document after this point";

    private readonly Parser parser;
    private readonly string file;
    private readonly List<Diagnostic> diagnostics;
    private readonly Dictionary<string, (YamlValue Node, long Values)> anchors = new(StringComparer.Ordinal);
    private readonly Stack<NodeEvent> open = new();
    private Mark last = Mark.Empty;
    private long values;

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
            var (root, _) = ReadNode(0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                Error(ErrorCodes.SpecSyntax, SecondDocument, second.Start);
            }

            return root;
        }
        catch (YamlException e)
        {
            Error(ErrorCodes.SpecSyntax, UserText.Format(SyntaxError, UserText.Quote(Bare(e.Message))), e.Start);
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet's scanner has thrown other exceptions on broken input (an unclosed flow map followed by more keys); bad input must stay a diagnostic.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // The parser's own message says nothing useful here; where the document stopped making sense does.
            if (open.FirstOrDefault(IsFlow) is { } flow)
            {
                var map = flow is MappingStart;
                Error(ErrorCodes.SpecSyntax, UserText.Format(Unclosed, map ? "flow map '{'" : "flow list '['", map ? "}" : "]"), flow.Start);
            }
            else
            {
                Error(ErrorCodes.SpecSyntax, Unreadable, last);
            }

            return null;
        }
    }

    private static bool IsFlow(NodeEvent start) =>
        start is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };

    /// <summary>A node and how many values it holds, aliases in it expanded.</summary>
    private (YamlValue Node, long Values) ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, UserText.Format(TooDeep, MaxDepth));
        }

        var start = parser.Current!;
        last = start.Start;
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, UserText.Format(UnknownAnchor, UserText.Quote(alias.Value.Value)));
            }

            Count(target.Values, alias.Start);
            return target;
        }

        (YamlValue Node, long Values) node;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            Count(1, scalar.Start);
            node = (new YamlScalar(scalar.Value, scalar.Style is not ScalarStyle.Plain, Locate(scalar.Start)), 1);
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

    private (YamlValue, long) ReadList(SequenceStart start, int depth)
    {
        Count(1, start.Start);
        open.Push(start);
        var items = new List<YamlValue>();
        long count = 1;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            var (item, itemValues) = ReadNode(depth + 1);
            items.Add(item);
            count += itemValues;
        }

        open.Pop();
        return (new YamlList(items, Locate(start.Start)), count);
    }

    private (YamlValue, long) ReadMap(MappingStart start, int depth)
    {
        Count(1, start.Start);
        open.Push(start);
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        long count = 1;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            var (key, keyValues) = ReadNode(depth + 1);
            var (value, valueValues) = ReadNode(depth + 1);
            count += keyValues + valueValues;
            if (key is not YamlScalar name)
            {
                Error(ErrorCodes.SpecWrongType, UserText.Format(ComplexKey, key.Kind), keyEvent.Start);
                continue;
            }

            if (seen.TryGetValue(name.Text, out var first))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.SpecDuplicateKey, UserText.Format(DuplicateKey, UserText.Quote(name.Text), first.Location.Line), name.Location));
                continue;
            }

            seen[name.Text] = name;
            entries.Add(new YamlEntry(name, value));
        }

        open.Pop();
        return (new YamlMap(entries, Locate(start.Start)), count);
    }

    /// <summary>Counts values read or expanded from an alias; a document past the limit (an alias bomb) stops here.</summary>
    private void Count(long more, Mark where)
    {
        values += more;
        if (values > MaxValues)
        {
            throw new YamlException(where, where, UserText.Format(TooLarge, MaxValues));
        }
    }

    private SourceLocation Locate(Mark mark) =>
        new(file, (int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    private void Error(string code, string message, Mark mark) => diagnostics.Add(Diagnostic.Error(code, message, Locate(mark)));

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
    private static string Bare(string message) => PositionPrefix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
