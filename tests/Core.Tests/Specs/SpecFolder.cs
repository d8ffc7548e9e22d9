using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>A throw-away folder with a copy of the bundled tiny CNN under <c>models/</c>, to write specs next to.</summary>
internal sealed class SpecFolder : IDisposable
{
    public SpecFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "misnomer-specs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "models"));
        File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), System.IO.Path.Combine(Path, "models", "tiny-cnn.onnx"));
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="yaml"/> as <paramref name="name"/> and returns its path.</summary>
    public string Write(string yaml, string name = "spec.yaml")
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public SpecLoadResult Load(string yaml, string name = "spec.yaml") => SpecLoader.Load(Write(yaml, name));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
