using System.Text;
using EfficiencyMisnomer.Indicators;

namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>A YAML node of a generated spec: a scalar, a map or a sequence, written in block or flow style.</summary>
internal abstract record YamlNode;

internal sealed record YamlText(string Text) : YamlNode;

internal sealed record YamlEntries((string Key, YamlNode Value)[] Entries, bool Flow) : YamlNode;

internal sealed record YamlItems(YamlNode[] Items, bool Flow) : YamlNode;

/// <summary>One text-level edit of a rendered spec.</summary>
internal enum YamlEditKind
{
    UnclosedBrace,
    UnclosedBracket,
    AnchorAlias,
    AliasBomb,
    DeepNesting,
    DuplicateLine,
    Tab,
    ControlCharacter,
    Bom,
    SecondDocument,
    Directive,
    Tag,
    LongScalar,
    InvalidUtf8,
    DeleteLine,
    UnknownAlias,
    MergeKey,
    Indent,
}

internal sealed record YamlEdit(YamlEditKind Kind, uint Position, int Amount)
{
    public override string ToString() => $"new({Kind}, {Position}u, {Amount})";
}

/// <summary>A generated spec: its tree, then text edits, then byte edits of the encoded text.</summary>
internal sealed record SpecRecipe(YamlNode Tree, YamlEdit[] TextEdits, ByteEdit[] ByteEdits)
{
    public override string ToString() => $"text edits: [{string.Join(", ", TextEdits.Select(e => e.ToString()))}], byte edits: [{string.Join(", ", ByteEdits.Select(e => e.ToString()))}]";
}

/// <summary>
/// Structure-aware specs: the keys of docs/spec-reference.md with values drawn from valid ones and from what has
/// broken readers (odd units, 1e309, -0, NaN, hex, full-width digits, paths out of the repository or to special files,
/// control characters), sometimes a value of the wrong kind, rendered as block or flow YAML; then YAML-level edits
/// (unclosed braces, anchors, alias bombs, deep nesting, duplicate keys, tabs, BOM, directives, tags) and byte edits.
/// </summary>
internal static class SpecGen
{
    public static readonly string[] Quantities =
    {
        "30k", "3M", "1.5M", "6M", "1 MiB", "256 KiB", "0", "16", "5 ms", "40 /s", "100 /s", "5%", "0%", "2 J", "50 g", "3.50", "$3.50", "3.50 USD",
        "1e309", "-1e309", "1e-400", ".inf", "-.inf", ".nan", "NaN", "Infinity", "-0", "-5", "0x1F", "0o17", "1_000", "9223372036854775808",
        "18446744073709551616", "１２", "٣", "1,5", "1.5.5", "", "~", "null", "true", "5 parsecs", "5 mib", "5 Ki B", "-5 MiB", "1e3 ms",
        "€3", "1e18 T", "99999999999999999999 EiB", "5 %", "5%%", "1/0", "0.0000000000000000000001 ns", "2 min", "20 us", "20 µs", "1 kJ",
    };

    private static readonly string[] Paths =
    {
        "models/tiny-cnn.onnx", "models/tiny-cnn.onnx", "models/missing.onnx", "models", "models/fifo.onnx", "models/link.onnx", "secret.txt",
        "../outside.onnx", "/etc/passwd", "/dev/zero", "/dev/stdin", "", "models/tiny-cnn.onnx/..", "baselines/b.json", "spec.yaml",
    };

    private static readonly string[] Words = { "error", "warning", "warn", "off", "adam", "sgd", "momentum", "sam", "cpu", "cuda", "auto", "yes", "no", "on", "Error", "ADAM" };

    private static Gen<YamlNode> Scalar(params string[] values) =>
        Pick.Weighted((8, Gen.OneOf(values)), (1, Hostile.String), (1, Gen.OneOf(Quantities))).Select(s => (YamlNode)new YamlText(s));

    private static Gen<YamlNode> Map(Gen<bool> flow, params (int Weight, Gen<(string, YamlNode)> Entry)[] entries) =>
        Gen.Select(Pick.Weighted(entries).Array[0, 5], flow,
            (e, f) => (YamlNode)new YamlEntries(e, f));

    private static Gen<(string, YamlNode)> Entry(string key, Gen<YamlNode> value) =>
        Gen.Select(Pick.Weighted((20, Gen.Const(key)), (1, Hostile.String), (1, Gen.OneOf(key.ToUpperInvariant(), key + " ", key + "s"))), value);

    /// <summary>A value of the wrong kind now and then: a map or list where a scalar belongs, and so on.</summary>
    private static Gen<YamlNode> OrWrong(Gen<YamlNode> right) => Pick.Weighted(
        (12, right),
        (1, Scalar("1", "x")),
        (1, Gen.Const((YamlNode)new YamlItems(new YamlNode[] { new YamlText("a"), new YamlText("1") }, true))),
        (1, Gen.Const((YamlNode)new YamlEntries(new[] { ("k", (YamlNode)new YamlText("v")) }, true))));

    private static Gen<bool> Flow { get; } = Pick.Weighted((3, Gen.Const(false)), (2, Gen.Const(true)));

    private static Gen<YamlNode> Budget(IEnumerable<string> indicators, bool runtime) => Map(Flow,
        (3, Gen.Select(
            Pick.Weighted(
                (10, Gen.OneOf(indicators.ToArray())),
                (1, Gen.OneOf(IndicatorCatalog.StaticNames.Concat(IndicatorCatalog.RuntimeNames).Concat(new[] { "param", "latency", "latency.p100", "FLOPS" }).ToArray())),
                (1, Hostile.String)),
            OrWrong(Map(Flow,
                (3, Entry("max", Scalar(Quantities))),
                (2, Entry("min", Scalar(Quantities))),
                (1, Entry("severity", Scalar(Words))),
                (runtime ? 2 : 1, Entry("batch", Scalar("1", "8", "0", "-1", "1.5", "2147483648"))))))));

    private static Gen<YamlNode> Bindings { get; } = Map(Flow,
        (3, Entry("batch", Scalar("1", "2", "0", "-1", "1.5", "9223372036854775807", "99999999999999999999"))),
        (1, Gen.Select(Hostile.Name("image", "x", "seq"), Gen.Select(Gen.OneOf("1", "3", "224", "0", "-1", "x", "1e309").Array[0, 5], Flow, (items, f) => (YamlNode)new YamlItems(items.Select(i => (YamlNode)new YamlText(i)).ToArray(), f)))));

    private static Gen<YamlNode> Numbers { get; } = Gen.Select(Gen.OneOf("1", "16000", "0", "-1", "1.5", "true", "x", "1e309", "NaN", "").Array[0, 4], Flow,
        (items, f) => (YamlNode)new YamlItems(items.Select(i => (YamlNode)new YamlText(i)).ToArray(), f));

    private static Gen<YamlNode> Inputs { get; } = Map(Flow,
        (1, Gen.Select(Hostile.Name("image", "sr", "x"), OrWrong(Map(Flow,
            (2, Entry("shape", Numbers)),
            (2, Entry("value", Gen.OneOf(Scalar("16000", "1", "0.5", "true", "x", "1e309", "-9223372036854775809"), Numbers))),
            (1, Entry("range", Numbers)),
            (1, Entry("file", Scalar(Paths))))))));

    private static Gen<YamlNode> Models { get; } = Map(Flow,
        (1, Gen.Select(Hostile.Name("tiny-cnn", "other", "m"), OrWrong(Map(Flow,
            (6, Entry("path", Scalar(Paths))),
            (2, Entry("quality", Map(Flow, (1, Gen.Select(Hostile.Name("top1", "bleu"), Scalar("0.61", "78.1%", "1e309", "-0", "x")))))),
            (1, Entry("bind", Bindings)),
            (1, Entry("inputs", Inputs)),
            (1, Entry("budgets", Budget(IndicatorCatalog.StaticNames, runtime: false))))))));

    private static Gen<YamlNode> Hardware { get; } = Map(Flow,
        (1, Gen.Select(Hostile.Name("ci-cpu", "h200"), OrWrong(Map(Flow,
            (3, Entry("match", Map(Flow, (1, Gen.Select(Gen.OneOf("provider", "cpu", "gpu", "os", "arch", "host", "ram"), Scalar("cpu", "cuda", "*EPYC*", "*", "?", "[a-z]", "**", "NVIDIA H200*")))))),
            (1, Entry("price_per_hour", Scalar("3.50", "$3.50", "-1", "1e309"))),
            (1, Entry("grid_intensity", Scalar("400", "-1", "1e309", "x"))),
            (1, Entry("threads", Scalar("1", "4", "0", "-1", "2147483648", "1.5"))),
            (3, Entry("budgets", Budget(IndicatorCatalog.RuntimeNames, runtime: true))))))));

    private static Gen<YamlNode> Regression { get; } = Map(Flow,
        (3, Entry("baseline", Scalar("baselines/b.json", "../b.json", "/etc/passwd", "baselines", "models/fifo.onnx", "models/link.onnx", ""))),
        (2, Entry("against", Scalar("origin/main", "none", "HEAD~1", "..", "/", "-x", "--help", ""))),
        (2, Entry("tolerance", Map(Flow, (1, Gen.Select(Gen.OneOf(IndicatorCatalog.StaticNames.Append("default").Append("latency.p50").Append("nope").ToArray()), Scalar("5%", "0%", "100%", "-5%", "5", "1e309%", "NaN%")))))),
        (1, Entry("noise_floor", Scalar("10 us", "0 us", "-1 ms", "1e309 s", "10"))),
        (1, Entry("strict", Scalar("true", "false", "yes", "1", "True"))));

    public static Gen<YamlNode> Tree { get; } = Map(Pick.Weighted((5, Gen.Const(false)), (1, Gen.Const(true))),
        (2, Entry("name", Scalar("tiny-cnn", "spec", "a b"))),
        (6, Entry("models", OrWrong(Models))),
        (2, Entry("bind", OrWrong(Bindings))),
        (4, Entry("budgets", OrWrong(Budget(IndicatorCatalog.StaticNames, runtime: false)))),
        (1, Entry("optimizer", Scalar(Words))),
        (2, Entry("hardware", OrWrong(Hardware))),
        (2, Entry("regression", OrWrong(Regression))),
        (1, Entry("disagreement", Scalar(Words))),
        (1, Gen.Select(Hostile.String, Scalar("x"))));

    private static readonly (string Indicator, string[] Limits)[] StaticLimits =
    {
        ("params", new[] { "30k", "1e9", "0", "25.6M", "1" }), ("macs", new[] { "3M", "1G", "0" }), ("flops", new[] { "6M", "1e18" }),
        ("activations", new[] { "32k", "1" }), ("depth", new[] { "16", "1" }), ("unknown_ops", new[] { "0", "3" }),
        ("memory_access", new[] { "1 MiB", "1 B", "8 GB" }), ("activation_memory", new[] { "256 KiB", "0 B" }), ("training_memory", new[] { "1 MiB" }),
        ("model_size", new[] { "200 kB", "1 GiB" }), ("sharing_factor", new[] { "1.5", "50%" }), ("arithmetic_intensity", new[] { "2", "0.5" }),
    };

    private static readonly (string Indicator, string[] Limits)[] RuntimeLimits =
    {
        ("latency.p99", new[] { "5 ms", "20 us", "1 s" }), ("latency.p50", new[] { "50 ms" }), ("throughput", new[] { "100 /s", "1.5k /s" }),
        ("peak_memory", new[] { "512 MiB" }), ("cold_start", new[] { "2 s" }), ("energy", new[] { "2 J" }), ("cost", new[] { "$3.50" }),
    };

    private static Gen<YamlNode> Text(params string[] values) => Gen.OneOf(values).Select(v => (YamlNode)new YamlText(v));

    /// <summary>A map holding each of <paramref name="entries"/> or not (three times in four).</summary>
    private static Gen<YamlNode> Entries(Gen<bool> flow, params Gen<(string, YamlNode)>[] entries)
    {
        var chosen = Gen.Const(Array.Empty<(string, YamlNode)>());
        foreach (var entry in entries)
        {
            chosen = Gen.Select(chosen, entry, Gen.Int[0, 3], (list, e, keep) => keep > 0 ? list.Append(e).ToArray() : list);
        }

        return Gen.Select(chosen, flow, (c, f) => (YamlNode)new YamlEntries(c, f));
    }

    private static Gen<YamlNode> PlausibleBudgets((string Indicator, string[] Limits)[] limits, bool runtime) =>
        Gen.Select(Gen.Int[0, limits.Length - 1], Gen.Int[0, 9], Gen.Bool, Gen.Bool, (i, l, warning, withBatch) => (i, l, warning, withBatch)).Array[1, 4]
            .Select(chosen => (YamlNode)new YamlEntries(chosen.DistinctBy(c => c.i).Select(c => (limits[c.i].Indicator, (YamlNode)new YamlEntries(
                new[] { ("max", (YamlNode)new YamlText(limits[c.i].Limits[c.l % limits[c.i].Limits.Length])) }
                    .Concat(c.warning ? new[] { ("severity", (YamlNode)new YamlText("warning")) } : Array.Empty<(string, YamlNode)>())
                    .Concat(runtime && c.withBatch ? new[] { ("batch", (YamlNode)new YamlText("1")) } : Array.Empty<(string, YamlNode)>())
                    .ToArray(), true))).ToArray(), false));

    /// <summary>
    /// Specs that load, or nearly: valid keys and values throughout, with hostile model and profile names (data a
    /// spec may hold, which reaches the gate's output, results and reports) and now and then one odd value.
    /// </summary>
    public static Gen<YamlNode> PlausibleTree { get; } = Gen.Select(
        Gen.Select(Hostile.Name("tiny-cnn", "cnn"), Hostile.Name("tiny-cnn", "other"), Text("models/tiny-cnn.onnx", "models/tiny-cnn.onnx", "models/tiny-cnn.onnx", "models/missing.onnx")),
        Entries(Flow,
            Text("0.61", "78.1%", "0").Select(q => ("quality", (YamlNode)new YamlEntries(new[] { ("top1", q) }, true))),
            Text("1", "2", "0").Select(b => ("bind", (YamlNode)new YamlEntries(new[] { ("batch", b) }, true))),
            PlausibleBudgets(StaticLimits, runtime: false).Select(b => ("budgets", b))),
        Entries(Gen.Const(false),
            Text("1", "4").Select(b => ("bind", (YamlNode)new YamlEntries(new[] { ("batch", b) }, true))),
            PlausibleBudgets(StaticLimits, runtime: false).Select(b => ("budgets", b)),
            Text("adam", "sgd", "sam").Select(o => ("optimizer", o)),
            Gen.Select(Hostile.Name("ci-cpu"), PlausibleBudgets(RuntimeLimits, runtime: true), (name, budgets) => ("hardware", (YamlNode)new YamlEntries(new[]
            {
                (name, (YamlNode)new YamlEntries(new[] { ("match", (YamlNode)new YamlEntries(new[] { ("provider", (YamlNode)new YamlText("cpu")) }, true)), ("budgets", budgets) }, false)),
            }, false))),
            Text("baselines/b.json", "baselines/tiny-cnn.json").Select(b => ("regression", (YamlNode)new YamlEntries(new[] { ("baseline", b), ("tolerance", new YamlEntries(new[] { ("default", (YamlNode)new YamlText("5%")) }, true)) }, false))),
            Text("off", "warn", "error").Select(d => ("disagreement", d))),
        (model, entry, rest) =>
        {
            var (name, other, path) = model;
            var models = new YamlEntries(new[]
            {
                (name, (YamlNode)new YamlEntries(new[] { ("path", path) }.Concat(((YamlEntries)entry).Entries).ToArray(), false)),
            }.Concat(other == name ? Array.Empty<(string, YamlNode)>() : new[] { (other, (YamlNode)new YamlEntries(new[] { ("path", (YamlNode)new YamlText("models/tiny-cnn.onnx")) }, true)) }).ToArray(), false);
            var top = new List<(string, YamlNode)> { ("name", new YamlText("fuzz")), ("models", models) };
            top.AddRange(((YamlEntries)rest).Entries);
            return (YamlNode)new YamlEntries(top.ToArray(), false);
        });

    public static Gen<YamlEdit> Edit { get; } = Gen.Select(Gen.OneOf(Enum.GetValues<YamlEditKind>()), Gen.UInt, Gen.Int[1, 400],
        (kind, position, amount) => new YamlEdit(kind, position, amount));

    public static Gen<SpecRecipe> Spec { get; } = Gen.Select(
        Pick.Weighted((1, Tree), (1, PlausibleTree)),
        Pick.Weighted((3, Gen.Const(Array.Empty<YamlEdit>())), (2, Edit.Array[1, 3])),
        Pick.Weighted((6, Gen.Const(Array.Empty<ByteEdit>())), (1, ByteMutation.Edit.Array[1, 3])),
        (tree, text, bytes) => new SpecRecipe(tree, text, bytes));

    /// <summary>The spec file's bytes.</summary>
    public static byte[] Render(SpecRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var text = new StringBuilder();
        Write(text, recipe.Tree, 0);
        var lines = text.ToString().Split('\n').ToList();
        foreach (var edit in recipe.TextEdits)
        {
            Apply(lines, edit);
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        return ByteMutation.Apply(new[] { bytes }, new Mutant(0, recipe.ByteEdits));
    }

    /// <summary>Valid specs of the repository, the seeds of byte-level mutation.</summary>
    public static byte[] RenderTree(YamlNode tree)
    {
        var text = new StringBuilder();
        Write(text, tree, 0);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Write(StringBuilder text, YamlNode node, int indent)
    {
        switch (node)
        {
            case YamlEntries { Flow: false, Entries.Length: > 0 } map:
                foreach (var (key, value) in map.Entries)
                {
                    text.Append(' ', indent).Append(Key(key)).Append(':');
                    if (value is YamlText scalar)
                    {
                        text.Append(' ').Append(Plain(scalar.Text)).Append('\n');
                    }
                    else if (value is YamlEntries { Flow: false, Entries.Length: > 0 } or YamlItems { Flow: false, Items.Length: > 0 })
                    {
                        text.Append('\n');
                        Write(text, value, indent + 2);
                    }
                    else
                    {
                        text.Append(' ').Append(Inline(value)).Append('\n');
                    }
                }

                break;
            case YamlItems { Flow: false, Items.Length: > 0 } list:
                foreach (var item in list.Items)
                {
                    text.Append(' ', indent).Append("- ").Append(Inline(item)).Append('\n');
                }

                break;
            default:
                text.Append(' ', indent).Append(Inline(node)).Append('\n');
                break;
        }
    }

    private static string Inline(YamlNode node) => node switch
    {
        YamlText scalar => Plain(scalar.Text),
        YamlEntries map => "{ " + string.Join(", ", map.Entries.Select(e => $"{Key(e.Key)}: {Inline(e.Value)}")) + " }",
        YamlItems list => "[" + string.Join(", ", list.Items.Select(Inline)) + "]",
        _ => "",
    };

    /// <summary>A plain scalar where YAML reads it as such, otherwise double-quoted with escapes (which the reader must undo and escape again).</summary>
    private static string Plain(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '%' or '$' or '*' or '?' or '~' or '+' or '€' or 'µ')
            && !text.StartsWith('-') && !text.StartsWith('?') && !text.StartsWith('*')
            ? text
            : "\"" + string.Concat(text.Select(Escape)) + "\"";

    private static string Key(string key) => key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_') ? key : "\"" + string.Concat(key.Select(Escape)) + "\"";

    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        < ' ' or (>= '\u007f' and <= '\u009f') or '\u2028' or '\u2029' or (>= '\ud800' and <= '\udfff') or '\ufeff' => $"\\u{(int)c:x4}",
        _ => c.ToString(),
    };

    private static void Apply(List<string> lines, YamlEdit edit)
    {
        var at = (int)((ulong)edit.Position * (ulong)lines.Count >> 32);
        var line = lines[at];
        var column = line.Length == 0 ? 0 : edit.Amount % (line.Length + 1);
        switch (edit.Kind)
        {
            case YamlEditKind.UnclosedBrace:
                lines[at] = line.Insert(column, "{ a: 1, ");
                break;
            case YamlEditKind.UnclosedBracket:
                lines[at] = line.Insert(column, "[1, ");
                break;
            case YamlEditKind.AnchorAlias:
                lines.Insert(0, "x-anchor: &shared { max: 1M }");
                lines.Add("alias-use: *shared");
                break;
            case YamlEditKind.AliasBomb:
                lines.Insert(0, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]");
                for (var i = 1; i <= Math.Min(12, 2 + edit.Amount % 11); i++)
                {
                    lines.Insert(i, $"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]");
                }

                break;
            case YamlEditKind.DeepNesting:
                var depth = edit.Amount * 4;
                lines.Insert(at, "deep: " + new string('[', depth) + new string(']', edit.Amount % 3 == 0 ? depth / 2 : depth));
                break;
            case YamlEditKind.DuplicateLine:
                lines.Insert(at, line);
                break;
            case YamlEditKind.Tab:
                lines[at] = "\t" + line;
                break;
            case YamlEditKind.ControlCharacter:
                lines[at] = line.Insert(column, ((char)(edit.Amount % 32)).ToString());
                break;
            case YamlEditKind.Bom:
                lines[at] = "\ufeff" + line;
                break;
            case YamlEditKind.SecondDocument:
                lines.Insert(at, "---");
                break;
            case YamlEditKind.Directive:
                lines.Insert(0, edit.Amount % 2 == 0 ? "%YAML 1.1" : "%TAG ! tag:example.com,2000:");
                lines.Insert(1, "---");
                break;
            case YamlEditKind.Tag:
                lines[at] = line.Insert(column, (edit.Amount % 3) switch { 0 => " !!binary ", 1 => " !!python/object:os.system ", _ => " !custom " });
                break;
            case YamlEditKind.LongScalar:
                lines.Insert(at, "long: " + new string('x', edit.Amount * 1000));
                break;
            case YamlEditKind.InvalidUtf8:
                lines[at] = line.Insert(column, "\udc80\ud800");
                break;
            case YamlEditKind.DeleteLine:
                lines.RemoveAt(at);
                if (lines.Count == 0)
                {
                    lines.Add("");
                }

                break;
            case YamlEditKind.UnknownAlias:
                lines[at] = line.Insert(column, " *nowhere ");
                break;
            case YamlEditKind.MergeKey:
                lines.Insert(at, "<<: { max: 1 }");
                break;
            case YamlEditKind.Indent:
                lines[at] = new string(' ', edit.Amount % 9) + line.TrimStart();
                break;
        }
    }
}
