using System.Diagnostics;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// A throw-away repository that fuzzed files live in: a copy of the sample model, a FIFO, a link to a file outside,
/// a secret file holding the canary, and a valid spec and results document. <see cref="Intact"/> says whether
/// every special file is still what it was (nothing was written through a link or into a FIFO or device).
/// </summary>
internal sealed class Workspace : IDisposable
{
    public Workspace(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), "misnomer-fuzz", name + "-" + Environment.ProcessId);
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(Root, ".git"));
        Directory.CreateDirectory(Path.Combine(Root, "models"));
        Directory.CreateDirectory(Path.Combine(Root, "baselines"));
        Outside = Path.Combine(Path.GetTempPath(), "misnomer-fuzz", name + "-outside-" + Environment.ProcessId + ".txt");
        File.WriteAllText(Outside, $"outside: {Invariants.Canary}\n");
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Model);
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "tiny-cnn.yaml"), ValidSpec);
        File.WriteAllText(Secret, $"password: {Invariants.Canary}\n{{\"token\": \"{Invariants.Canary}\"}}\n");
        if (!OperatingSystem.IsWindows())
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { Fifo }) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            File.CreateSymbolicLink(Link, Outside);
        }
    }

    public string Root { get; }

    /// <summary>A file outside the repository, which the link points to.</summary>
    public string Outside { get; }

    public string Model => Path.Combine(Root, "models", "tiny-cnn.onnx");

    public string ValidSpec => Path.Combine(Root, "tiny-cnn.yaml");

    public string Secret => Path.Combine(Root, "secret.txt");

    public string Fifo => Path.Combine(Root, "models", "fifo.onnx");

    public string Link => Path.Combine(Root, "models", "link.onnx");

    public string File_(string name) => Path.Combine(Root, name);

    /// <summary>Whether the FIFO is still a FIFO, the link still a link to the untouched outside file, the secret unchanged.</summary>
    public string? Intact()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        if (InputFile.KindOf(Fifo, FileRole.Results) != FileKind.Fifo)
        {
            return "the FIFO was replaced or removed";
        }

        if (new FileInfo(Link).LinkTarget != Outside)
        {
            return "the link was replaced or removed";
        }

        if (File.ReadAllText(Outside) != $"outside: {Invariants.Canary}\n")
        {
            return "a file outside the repository was written through a link";
        }

        return File.ReadAllText(Secret).Contains(Invariants.Canary, StringComparison.Ordinal) ? null : "the secret file was overwritten";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
            File.Delete(Outside);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
