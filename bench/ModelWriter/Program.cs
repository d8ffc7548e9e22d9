// usage: model-writer MODEL_PATH
// Writes a LLaMA-7B-sized decoder (6,738,415,616 parameters) to MODEL_PATH, with every weight in one
// external data file beside it, written sparse: about 27 GB apparent size, no disk blocks used.
using EfficiencyMisnomer.ModelBuilder;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: model-writer MODEL_PATH");
    return 2;
}

var builder = Decoders.Llama("llama-7b", Decoders.Llama7B);
var model = builder.Save(args[0]);
var data = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(model))!, builder.ExternalDataFile);
Console.WriteLine($"{model}: {new FileInfo(model).Length} bytes; {data}: {new FileInfo(data).Length} bytes (sparse)");
return 0;
