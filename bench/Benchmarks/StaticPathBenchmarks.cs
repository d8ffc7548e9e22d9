using BenchmarkDotNet.Attributes;
using EfficiencyMisnomer.CostModel;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Shapes;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Bench;

/// <summary>
/// What `misnomer analyze` and the build gate spend their time on: reading a model, shape inference
/// and cost rules, and parsing a spec. The bundled tiny CNN is the smallest real case; a 12-layer ViT
/// written by the test model builder (in memory, zero weights) is a transformer of realistic depth.
/// </summary>
[MemoryDiagnoser]
public class StaticPathBenchmarks
{
    private static readonly ShapeBindings BatchOne = ShapeBindings.Parse(new[] { "batch=1" });
    private string tinyCnnPath = string.Empty;
    private OnnxModel tinyCnn = null!;
    private byte[] vitBytes = Array.Empty<byte>();
    private OnnxModel vit = null!;
    private string specPath = string.Empty;
    private string specText = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        tinyCnnPath = RepositoryFiles.Find("specs/models/tiny-cnn.onnx");
        tinyCnn = OnnxModel.Load(tinyCnnPath);
        vitBytes = VitFamily.Deep().ToBytes();
        vit = OnnxModel.Load(vitBytes, "vit_deep_d12.onnx");
        specPath = RepositoryFiles.Find("specs/tiny-cnn.yaml");
        specText = File.ReadAllText(specPath);
    }

    [Benchmark]
    public OnnxModel LoadTinyCnn() => OnnxModel.Load(tinyCnnPath);

    [Benchmark]
    public StaticReport AnalyzeTinyCnn() => StaticAnalyzer.Analyze(tinyCnn, BatchOne);

    [Benchmark]
    public OnnxModel LoadVit() => OnnxModel.Load(vitBytes, "vit_deep_d12.onnx");

    [Benchmark]
    public StaticReport AnalyzeVit() => StaticAnalyzer.Analyze(vit, BatchOne);

    [Benchmark]
    public SpecLoadResult ParseTinyCnnSpec() => SpecLoader.Parse(specText, specPath);
}
