using System.Text;
using AlaSpark.Cli;

// stdout carries only results (buffered, flushed at the end); diagnostics go to stderr at once.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 64 * 1024) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
var exitCode = CliApp.Run(args, stdout, stderr);
try
{
    stdout.Flush();
}
catch (IOException)
{
    // The reader of stdout went away (e.g. `| head`); nothing more to say.
}
return exitCode;
