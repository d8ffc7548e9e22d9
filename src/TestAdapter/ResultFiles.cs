using System.Text;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>Writes a test's result files into the results folder and attaches them to the current test.</summary>
internal static class ResultFiles
{
    /// <summary>The results folder: <c>efficiency.results</c> (relative to NUnit's work directory) or the work directory itself.</summary>
    public static string Folder(EfficiencySettings settings)
    {
        var work = TestContext.CurrentContext.WorkDirectory;
        var folder = settings.Results is { } results ? Path.GetFullPath(results, work) : work;
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A file name from the parts of a test's name, with characters no file system accepts replaced.</summary>
    public static string Name(params string[] parts)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new StringBuilder();
        foreach (var character in string.Join('.', parts))
        {
            name.Append(invalid.Contains(character) || character == '/' || character == '\\' || UserText.IsUnsafe(character) ? '_' : character);
        }

        return name.ToString();
    }

    /// <summary>
    /// Writes the file through <paramref name="write"/>, which must use the file layer's writer (<see cref="Files.OutputFile"/>,
    /// or <see cref="Results.ResultsJson.WriteFile"/> built on it: atomic, never through a link or device), then attaches it.
    /// </summary>
    public static string Write(EfficiencySettings settings, string fileName, string description, Action<string> write)
    {
        var path = Path.Combine(Folder(settings), fileName);
        write(path);
        TestContext.AddTestAttachment(path, UserText.Escape(description));
        return path;
    }
}
