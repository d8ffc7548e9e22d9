using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Specs.Reading;
using EfficiencyMisnomer.Specs.Yaml;

namespace EfficiencyMisnomer.Specs;

/// <summary>
/// Loads and validates efficiency specs (YAML, see <c>docs/spec-reference.md</c>). Never throws for bad input:
/// every problem is a coded diagnostic with the file, line and column it is about.
/// </summary>
public static class SpecLoader
{
    /// <summary>Loads the spec file at <paramref name="path"/>; diagnostics name the file as given.</summary>
    /// <remarks>
    /// The file is read through <see cref="InputFile"/>: only a regular file of at most 4 MiB is read, so a FIFO, a
    /// device or a huge file given as a spec is refused before it can hang the build or fill its memory.
    /// </remarks>
    public static SpecLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = InputFile.ReadAllText(path, FileRole.Spec);
        }
        catch (EfficiencyException e)
        {
            return new SpecLoadResult(null, new[] { e.Diagnostic });
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
}
