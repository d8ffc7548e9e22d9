using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Reports.Results;

/// <summary>Writes reports so that a reader never sees half of one; a file that cannot be written is <see cref="ErrorCodes.ReportUnwritable"/>.</summary>
public static class ReportFile
{
    /// <summary>Writes through a temporary file beside <paramref name="path"/> and a rename.</summary>
    public static void Write(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? temporary = null;
        try
        {
            var full = Path.GetFullPath(path);
            temporary = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unwritable(path, e);
        }
        finally
        {
            if (temporary is not null && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Appends to a file that others write too (a CI job summary): no rename, one write.</summary>
    public static void Append(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            File.AppendAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unwritable(path, e);
        }
    }

    private static EfficiencyException Unwritable(string path, Exception e) =>
        new(ErrorCodes.ReportUnwritable, $"{path}: cannot write the report: {e.Message}", inner: e);
}
