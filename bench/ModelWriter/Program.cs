// usage: model-writer MODEL_PATH [llama-7b|matmul-64]
//   llama-7b (default): a LLaMA-7B-sized decoder (6,738,415,616 parameters) with every weight in one
//     external data file beside MODEL_PATH, written sparse: about 27 GB apparent size, no disk blocks used.
//   matmul-64: one MatMul, input [1,64] times a random [64,64] weight: the smallest real inference, so
//     that timing it shows what a harness adds per inference (bench/harness-vs-native.sh).
// usage: model-writer case-studies OUTDIR
//   the models of specs/case-studies/*.yaml, seeded random weights (specs/case-studies/generate.sh).
using EfficiencyMisnomer.ModelBuilder;
using EfficiencyMisnomer.Onnx;

if (args is ["case-studies", var folder])
{
    foreach (var written in CaseStudies.Write(folder))
    {
        Console.WriteLine($"{written}: {new FileInfo(written).Length} bytes");
    }

    return 0;
}

var kind = args.Length == 2 ? args[1] : "llama-7b";
if (args.Length is < 1 or > 2 || kind is not ("llama-7b" or "matmul-64"))
{
    Console.Error.WriteLine("usage: model-writer MODEL_PATH [llama-7b|matmul-64] | model-writer case-studies OUTDIR");
    return 2;
}

if (kind == "matmul-64")
{
    var matmul = new ModelBuilder("matmul-64", storage: WeightStorage.Random);
    var x = matmul.Input("x", ElementType.Float, 1L, 64L);
    matmul.Node("MatMul", new[] { x, matmul.Weight("w", 64, 64) }, new[] { matmul.Output("y", ElementType.Float, 1L, 64L) });
    var path = matmul.Save(args[0]);
    Console.WriteLine($"{path}: {new FileInfo(path).Length} bytes");
    return 0;
}

var builder = Decoders.Llama("llama-7b", Decoders.Llama7B);
var model = builder.Save(args[0]);
var data = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(model))!, builder.ExternalDataFile);
Console.WriteLine($"{model}: {new FileInfo(model).Length} bytes; {data}: {new FileInfo(data).Length} bytes (sparse)");
return 0;
