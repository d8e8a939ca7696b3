"""Side-by-side: TransactWriteItems on moto_server as installed vs. with infra/local-stack's
moto_server_fixed.py (each table backed up once per transaction, not once per action).

    moto_server -H 127.0.0.1 -p 45112 &
    python3 infra/local-stack/src/main/resources/org/run78/local/moto_server_fixed.py -H 127.0.0.1 -p 45111 &
    python3 infra/bench/moto_transactions.py
"""
import boto3, time, sys
def run(port):
    c = boto3.client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                     aws_access_key_id="t", aws_secret_access_key="t")
    name = f"T{int(time.time()*1000)}"
    c.create_table(TableName=name, KeySchema=[{"AttributeName":"pk","KeyType":"HASH"}],
                   AttributeDefinitions=[{"AttributeName":"pk","AttributeType":"S"}], BillingMode="PAY_PER_REQUEST")
    for i in range(0, 2000, 25):
        c.batch_write_item(RequestItems={name: [{"PutRequest":{"Item":{"pk":{"S":f"i{j}"},"v":{"N":"0"}}}} for j in range(i, i+25)]})
    t = time.time()
    for k in range(10):
        c.transact_write_items(TransactItems=[{"Update":{"TableName":name,"Key":{"pk":{"S":f"i{k*99+j}"}},
            "UpdateExpression":"ADD v :one","ExpressionAttributeValues":{":one":{"N":"1"}}}} for j in range(99)])
    return time.time() - t
a = run(45112); b = run(45111); a2 = run(45112); b2 = run(45111)
print(f"10 transactions of 99 actions on a 2000-item table: moto {a:.2f}s/{a2:.2f}s, with the fix {b:.2f}s/{b2:.2f}s, ratio {((a+a2)/(b+b2)):.1f}x")
