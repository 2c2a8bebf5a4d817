"""Check a JSON Lines corpus with decalque on Spark, through RDD.pipe.

decalque's records mode is a streaming filter: one JSON line in, one JSON line out, in
order, exit 0 whatever it finds. That is the contract of Hadoop Streaming and of Spark's
RDD.pipe, so a corpus is checked on every executor with no Python in the loop.

    spark-submit examples/spark_pipe.py BINARY INPUT.jsonl OUTPUT_DIR [--master local[2]]

The binary is shipped to the executors with addFile and called by absolute path: pipe()
starts the command with an empty environment (no PATH).
"""

import argparse
import os
import shlex

from pyspark import SparkContext, SparkFiles


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="path to the decalque binary")
    parser.add_argument("input", help="JSON Lines corpus with a `text` field")
    parser.add_argument("output", help="folder for the records (one part file per partition)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--id-field", default="id")
    args = parser.parse_args()

    sc = SparkContext(master=args.master, appName="decalque")
    sc.addFile(os.path.abspath(args.binary))
    name = os.path.basename(args.binary)

    def command(_):
        # Resolved on the executor: where addFile put the binary there.
        path = SparkFiles.get(name)
        os.chmod(path, 0o755)
        return path

    records = sc.textFile(args.input, minPartitions=args.partitions)
    binary = records.context.parallelize([0], 1).map(command).first()
    # pipe() takes one command line, split with shlex on the executor.
    command_line = shlex.join(
        [binary, "check", "--format", "records", "--id-field", args.id_field, "--jobs", "1", "-"]
    )
    checked = records.pipe(command_line, checkCode=True)
    checked.saveAsTextFile(args.output)
    sc.stop()


if __name__ == "__main__":
    main()
