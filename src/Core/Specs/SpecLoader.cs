using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs.Reading;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs;

/// <summary>
/// Loads and validates efficiency specs (YAML, see <c>docs/spec-reference.md</c>). Never throws for bad input:
/// every problem is a coded diagnostic with the file, line and column it is about.
/// </summary>
public static class SpecLoader
{
    private const string NotFound = "spec file '{0}' does not exist";
    private const string Unreadable = "spec file '{0}' cannot be read: {1}";

    /// <summary>Loads the spec file at <paramref name="path"/>; diagnostics name the file as given.</summary>
    public static SpecLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(ErrorCodes.SpecNotFound, SpecReadContext.Text(NotFound, path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(ErrorCodes.SpecNotFound, SpecReadContext.Text(Unreadable, path, e.Message), path);
        }

        return Parse(text, path);
    }

    /// <summary>Loads a spec held in memory; <paramref name="path"/> names it in diagnostics and anchors its relative paths.</summary>
    public static SpecLoadResult Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var context = new SpecReadContext(path);
        using var reader = new StringReader(text);
        var root = YamlDocumentReader.Read(reader, path, context.Diagnostics);
        var spec = root is null && context.HasErrors ? null : SpecReader.Read(root, context);
        var inFileOrder = context.Diagnostics.OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToList();
        return new SpecLoadResult(spec, inFileOrder);
    }

    private static SpecLoadResult Failed(string code, string message, string path) =>
        new(null, new[] { Diagnostic.Error(code, message, new SourceLocation(path)) });
}
