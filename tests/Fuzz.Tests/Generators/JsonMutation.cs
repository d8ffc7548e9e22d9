using System.Text;
using System.Text.RegularExpressions;

namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>What one JSON-level edit does.</summary>
internal enum JsonEditKind
{
    NumberToExtreme,
    StringToHostile,
    ValueToNull,
    ValueToWrongKind,
    DeleteMember,
    DuplicateMember,
    DeepNesting,
    Truncate,
    Comment,
    TrailingComma,
    FormatVersion,
    LoneSurrogate,
}

internal sealed record JsonEdit(JsonEditKind Kind, uint Position, int Choice)
{
    public override string ToString() => $"new({Kind}, {Position}u, {Choice})";
}

/// <summary>
/// Token-level mutation of a JSON document: a number made extreme (<c>1e400</c>, <c>-0</c>, 2^63), a string made
/// hostile, a value made null or of the wrong kind, a member deleted or written twice, deep nesting, truncation,
/// comments and trailing commas (not JSON), another format version, an escaped lone surrogate.
/// </summary>
internal static partial class JsonMutation
{
    private static readonly string[] Numbers = { "1e400", "-1e400", "1e309", "-0", "0", "-1", "9223372036854775808", "-9223372036854775809", "2147483648", "1.5", "1e-400", "00", "0x10", "NaN", "Infinity", "1E+2", "-" };

    private static readonly string[] Kinds = { "null", "true", "{}", "[]", "[null]", "\"\"", "\"x\"", "0", "{\"a\":1}", "[[[]]]" };

    public static Gen<JsonEdit> Edit { get; } = Gen.Select(Gen.OneOf(Enum.GetValues<JsonEditKind>()), Gen.UInt, Gen.Int[0, 1000],
        (kind, position, choice) => new JsonEdit(kind, position, choice));

    public static string Apply(string json, IEnumerable<JsonEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        foreach (var edit in edits)
        {
            json = Apply(json, edit);
        }

        return json;
    }

    private static string Apply(string json, JsonEdit edit)
    {
        switch (edit.Kind)
        {
            case JsonEditKind.NumberToExtreme:
                return ReplaceMatch(json, NumberToken(), edit, Numbers[edit.Choice % Numbers.Length]);
            case JsonEditKind.StringToHostile:
                return ReplaceMatch(json, StringToken(), edit, Quote(Hostile.Strings[edit.Choice % Hostile.Strings.Length]));
            case JsonEditKind.ValueToNull:
                return ReplaceMatch(json, ValueAfterColon(), edit, ": null");
            case JsonEditKind.ValueToWrongKind:
                return ReplaceMatch(json, ValueAfterColon(), edit, ": " + Kinds[edit.Choice % Kinds.Length]);
            case JsonEditKind.DeleteMember:
                return ReplaceMatch(json, SimpleMember(), edit, "");
            case JsonEditKind.DuplicateMember:
                var members = SimpleMember().Matches(json);
                if (members.Count == 0)
                {
                    return json;
                }

                var member = members[Index(edit, members.Count)];
                return json.Insert(member.Index, member.Value);
            case JsonEditKind.DeepNesting:
                var depth = 10 + edit.Choice * 10;
                var at = json.IndexOf(':', StringComparison.Ordinal);
                return at < 0 ? new string('[', depth) + new string(']', depth) : json.Insert(at + 1, new string('[', depth) + new string(']', depth) + ",");
            case JsonEditKind.Truncate:
                return json[..(int)((ulong)edit.Position * (ulong)json.Length >> 32)];
            case JsonEditKind.Comment:
                return json.Insert(Position(json, edit), "/* comment */");
            case JsonEditKind.TrailingComma:
                var close = json.LastIndexOf('}');
                return close <= 0 ? json : json.Insert(close, ",");
            case JsonEditKind.FormatVersion:
                return FormatMember().Replace(json, m => m.Groups[1].Value + (edit.Choice % 4) switch { 0 => "@2", 1 => "@0", 2 => "@1.1", _ => "@" }, 1);
            case JsonEditKind.LoneSurrogate:
                return ReplaceMatch(json, StringToken(), edit, "\"\\ud800x\\udc00\"");
            default:
                return json;
        }
    }

    private static string ReplaceMatch(string json, Regex pattern, JsonEdit edit, string replacement)
    {
        var matches = pattern.Matches(json);
        if (matches.Count == 0)
        {
            return json;
        }

        var match = matches[Index(edit, matches.Count)];
        return new StringBuilder(json).Remove(match.Index, match.Length).Insert(match.Index, replacement).ToString();
    }

    private static int Index(JsonEdit edit, int count) => (int)((ulong)edit.Position * (ulong)count >> 32);

    private static int Position(string json, JsonEdit edit) => (int)((ulong)edit.Position * (ulong)json.Length >> 32);

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    [GeneratedRegex(@"(?<=[:\[,]\s*)-?\d+(\.\d+)?([eE][+-]?\d+)?")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(?<=[:\[,]\s*)""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringToken();

    [GeneratedRegex(@":\s*(""(?:[^""\\]|\\.)*""|-?\d[\d.eE+-]*|true|false|null|\{\}|\[\])")]
    private static partial Regex ValueAfterColon();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""\s*:\s*(""(?:[^""\\]|\\.)*""|-?\d[\d.eE+-]*|true|false|null)\s*,")]
    private static partial Regex SimpleMember();

    [GeneratedRegex(@"(""format""\s*:\s*""efficiency-misnomer/\w+)@1")]
    private static partial Regex FormatMember();
}
