using EfficiencyMisnomer.Diagnostics;
using Microsoft.Build.Framework;

namespace EfficiencyMisnomer.Tasks;

/// <summary>
/// The template shared by the package's tasks: run the engine, log its diagnostics in MSBuild's
/// canonical form, and turn expected failures into coded errors instead of MSB4018 stack traces.
/// </summary>
public abstract class EfficiencyTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (EfficiencyException e)
        {
            LogDiagnostic(e.Diagnostic);
        }
        catch (IOException e)
        {
            Log.LogError(null, ErrorCodes.TaskIoFailure, null, null, 0, 0, 0, 0, TaskMessages.IoFailure, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            Log.LogError(null, ErrorCodes.TaskIoFailure, null, null, 0, 0, 0, 0, TaskMessages.IoFailure, e.Message);
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    protected void LogDiagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var location = diagnostic.Location;
        var file = location?.File;
        var line = location?.Line ?? 0;
        var column = location?.Column ?? 0;
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(null, diagnostic.Code, null, file, line, column, 0, 0, "{0}", diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(null, diagnostic.Code, null, file, line, column, 0, 0, "{0}", diagnostic.Message);
                break;
            default:
                Log.LogMessage(null, diagnostic.Code, null, file, line, column, 0, 0, MessageImportance.Normal, "{0}", diagnostic.Message);
                break;
        }
    }

    /// <summary>Writes a file so that readers never see half of it: a temporary file, then a rename.</summary>
    protected static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
