# Written for azureml-core: runs unmodified against a local workspace.
import sys
from azureml.core import Run

run = Run.get_context()
run.log("accuracy", 0.91)
run.log("accuracy", 0.93)
run.log("epochs", 10)
run.log("name", "svc")
run.log("flag", True)
run.log_list("losses", [0.5, 0.25, 0.125])
run.log_row("per_class", cls="setosa", f1=1.0)
run.log_row("per_class", cls="virginica", f1=0.9)
run.log_table("confusion", {"actual": ["a", "b"], "count": [3, 4]})
run.tag("framework", "sklearn")
run.set_tags({"stage": "dev", "owner": "data-team"})
run.add_properties({"algorithm": "svc"})

with open("tiny.png", "wb") as f:
    f.write(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"))
run.log_image("roc", path="tiny.png")

import os
os.makedirs("outputs", exist_ok=True)
with open("outputs/model.txt", "w") as f:
    f.write("model")
run.upload_file("extra/notes.txt", "tiny.png")
print("args:", sys.argv[1:])
print("experiment:", run.experiment.name, "id:", run.id)
print("metrics seen by the script:", sorted(run.get_metrics().keys()))
