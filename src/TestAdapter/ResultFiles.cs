using System.Text;

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
            name.Append(invalid.Contains(character) || character == '/' ? '_' : character);
        }

        return name.ToString();
    }

    /// <summary>Writes through <paramref name="write"/> to a temporary file, renames it into place, then attaches it.</summary>
    public static string Write(EfficiencySettings settings, string fileName, string description, Action<string> write)
    {
        var path = Path.Combine(Folder(settings), fileName);
        var temporary = path + ".tmp";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
        TestContext.AddTestAttachment(path, description);
        return path;
    }
}
