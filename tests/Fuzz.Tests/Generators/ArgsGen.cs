namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>A token of a generated command line: literal text, or a path of the workspace by name (resolved at run time).</summary>
internal sealed record ArgToken(string Text, bool IsPath)
{
    public override string ToString() => IsPath ? $"<{Text}>" : $"\"{Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}

/// <summary>A generated command line.</summary>
internal sealed record ArgsRecipe(ArgToken[] Tokens)
{
    public override string ToString() => string.Join(" ", Tokens.Select(t => t.ToString()));
}

/// <summary>
/// Command lines built from the tool's real commands and option names, with values that have broken parsers
/// (NaN, inf, 1e309, -0, huge, empty, unicode, control characters, option-looking values) and paths to missing,
/// special and wrong-role files. <c>run</c> is never given a spec that loads, so no input measures a model.
/// </summary>
internal static class ArgsGen
{
    /// <summary>Inputs, by name: resolved against the workspace or taken as they are.</summary>
    public static readonly string[] InputPaths =
    {
        "spec", "spec", "results", "results", "model", "model", "secret", "fifo", "link", "missing", "folder", "/dev/null", "/dev/zero",
        "/dev/stdin", "/proc/self/status", "/proc/self/mem", "-", "dash-file", "long", "nul", "unicode", "empty-file", "baseline",
    };

    /// <summary>Outputs, by name: only inside the workspace (a fresh path, a regular file, a FIFO, a link, a folder, a missing folder).</summary>
    public static readonly string[] OutputPaths = { "out", "out", "victim", "fifo", "link", "folder", "missing-folder/out", "out-md", "out-html" };

    private static readonly string[] Values =
    {
        "NaN", "nan", "inf", "-inf", "Infinity", "-Infinity", "1e309", "-1e309", "-0", "0", "1", "-1", "0.5", "1e-320", "99999999999999999999",
        "2147483648", "", " ", "table", "json", "markdown", "text", "error", "warn", "off", "cpu", "cuda", "auto", "adam", "sgd", "sam",
        "batch=1", "batch=0", "batch=-1", "batch=1e309", "batch=NaN", "image=1x3x32x32", "image=1x3x32", "image=0x0", "image=99999999999x99999999999",
        "=", "=1", "batch=", "a=b=c", "none", "HEAD", "HEAD~1", "origin/main", "ci-cpu", "nope", "--", "-", "--bogus", "-x", "\u001b[31m",
        "a\nb", "名前", "\ud800", "::error::x", new string('9', 400), "1_000", "１",
    };

    private static readonly (string Command, string[] Options, string[] Flags, string Positional)[] Commands =
    {
        ("analyze", new[] { "--bind", "-b", "--format", "-f", "--optimizer" }, new[] { "--per-node", "--sparsity" }, "model"),
        ("check", new[] { "--gate", "--results", "--against" }, Array.Empty<string>(), "spec"),
        ("run", new[] { "--provider", "--profile", "--time-cap", "--results", "--against" }, new[] { "--update-baseline", "--strict" }, "secret"),
        ("hardware", new[] { "--provider", "-p", "--format", "-f" }, Array.Empty<string>(), ""),
        ("merge", new[] { "--output", "-o" }, Array.Empty<string>(), "results"),
        ("report", new[] { "--markdown", "--html", "--bmf" }, Array.Empty<string>(), "results"),
        ("baseline update", Array.Empty<string>(), Array.Empty<string>(), "results"),
    };

    private static readonly string[] OutputOptions = { "--results", "--output", "-o", "--markdown", "--html", "--bmf" };

    private static readonly string[] Strays = { "--help", "-h", "-?", "--version", "help", "analyse", "--bogus", "-", "--", "baseline", "update", "[suggest]", "@args.rsp" };

    /// <summary>An option written without its value.</summary>
    private static readonly ArgToken NoValue = new("(no value)", false);

    public static Gen<ArgsRecipe> Args { get; } = Gen.Int[0, Commands.Length - 1].SelectMany(c => Tokens(c));

    private static Gen<ArgsRecipe> Tokens(int index)
    {
        var (command, options, flags, positional) = Commands[index];
        var isRun = command == "run";
        var inputs = isRun ? InputPaths.Where(p => p != "spec").ToArray() : InputPaths;
        var value = Pick.Weighted(
            (4, Gen.OneOf(Values).Select(v => new ArgToken(v, false))),
            (2, Gen.OneOf(inputs).Select(p => new ArgToken(p, true))),
            (1, Gen.Const(NoValue)));
        var option = Gen.Select(Gen.OneOf(options.Length > 0 ? options : Strays), value, Gen.OneOf(OutputPaths), (name, v, output) =>
            OutputOptions.Contains(name) && v.IsPath ? new[] { new ArgToken(name, false), new ArgToken(output, true) }
            : ReferenceEquals(v, NoValue) ? new[] { new ArgToken(name, false) }
            : new[] { new ArgToken(name, false), v });
        var part = Pick.Weighted(
            (5, option),
            (2, Gen.OneOf(flags.Length > 0 ? flags : Strays).Select(f => new[] { new ArgToken(f, false) })),
            (4, Pick.Weighted((3, Gen.Const(positional)), (2, Gen.OneOf(inputs))).Select(p => new[] { new ArgToken(p.Length == 0 ? "missing" : p, true) })),
            (1, Gen.OneOf(Values).Select(v => new[] { new ArgToken(v, false) })),
            (1, Gen.OneOf(Strays).Select(s => new[] { new ArgToken(s, false) })));
        var head = Pick.Weighted((12, Gen.Const(command.Split(' '))), (1, Gen.OneOf(Strays).Select(s => new[] { s })), (1, Gen.Const(Array.Empty<string>())));
        return Gen.Select(head, part.Array[0, 6], (h, parts) => new ArgsRecipe(h.Select(t => new ArgToken(t, false)).Concat(parts.SelectMany(p => p)).ToArray()));
    }
}
