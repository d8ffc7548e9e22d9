using System.Reflection;
using System.Text.RegularExpressions;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Diagnostics;

/// <summary>
/// docs/errors.md and the code agree: every code the code defines is documented, every documented code is defined, and
/// every code is raised somewhere (named in the sources or in the packages' MSBuild files).
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private static readonly Dictionary<string, string> Defined = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);

    private static readonly HashSet<string> Documented = DocumentedCode()
        .Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "errors.md")))
        .Select(m => m.Groups[1].Value)
        .ToHashSet(StringComparer.Ordinal);

    [Test]
    public void Every_defined_code_is_documented_and_every_documented_code_defined() =>
        Assert.Multiple(() =>
        {
            Assert.That(Defined.Keys.Except(Documented).Order(), Is.Empty, "defined in ErrorCodes, missing from docs/errors.md");
            Assert.That(Documented.Except(Defined.Keys).Order(), Is.Empty, "documented in docs/errors.md, not defined in ErrorCodes");
        });

    [Test]
    public void Every_code_is_raised_somewhere()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src");
        var sources = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "ErrorCodes.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "build"), "*.targets"))
            .Select(File.ReadAllText)
            .ToList();

        var unraised = Defined.Where(code => !sources.Any(text => text.Contains("ErrorCodes." + code.Value, StringComparison.Ordinal) || text.Contains('"' + code.Key + '"', StringComparison.Ordinal)))
            .Select(code => $"{code.Key} ({code.Value})").Order().ToList();
        Assert.That(unraised, Is.Empty, "defined and documented, but no code raises it");
    }

    [GeneratedRegex(@"^\| (EM\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
