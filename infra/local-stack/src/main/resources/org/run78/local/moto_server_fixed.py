"""moto_server, with two fixes to its DynamoDB transactions (not to its API).

1. Isolation. moto applies TransactWriteItems by backing up every table it touches, applying
   the actions, and on cancellation putting the backup back in place of the table. A write
   made by another request in between (moto_server serves requests on threads) is silently
   undone by that restore: a login's new session key or another user's donation vanishes.
   DynamoDB isolates transactions from other writes, so here every DynamoDB operation takes
   one lock: a transaction and its restore happen with no other DynamoDB call in between.
2. Speed. moto deep-copies each table once per *action* of the transaction, so a 100-action
   transaction on a ledger of thousands of items copies the whole table 100 times. Here each
   table is copied once per transaction: the same backup, the same semantics
   (infra/bench/moto_transactions.py measures it).
"""
import copy
import functools
import sys
import threading

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models.table import Table
from moto.server import main

_transaction = threading.local()
_one_dynamodb_call_at_a_time = threading.RLock()


class _CopyEachTableOncePerTransaction:
    def __getattr__(self, name):
        return getattr(copy, name)

    def deepcopy(self, obj, memo=None):
        backups = getattr(_transaction, "backups", None)
        if backups is not None and isinstance(obj, Table):
            if id(obj) not in backups:
                backups[id(obj)] = copy.deepcopy(obj)
            return backups[id(obj)]
        return copy.deepcopy(obj, memo)


_original_transact_write_items = dynamodb_models.DynamoDBBackend.transact_write_items


def _transact_write_items(self, transact_items):
    _transaction.backups = {}
    try:
        return _original_transact_write_items(self, transact_items)
    finally:
        _transaction.backups = None


def _serialized(method):
    @functools.wraps(method)
    def call(*args, **kwargs):
        with _one_dynamodb_call_at_a_time:
            return method(*args, **kwargs)
    return call


dynamodb_models.copy = _CopyEachTableOncePerTransaction()
dynamodb_models.DynamoDBBackend.transact_write_items = _transact_write_items
for _name, _method in list(vars(dynamodb_models.DynamoDBBackend).items()):
    if callable(_method) and not _name.startswith("_"):
        setattr(dynamodb_models.DynamoDBBackend, _name, _serialized(_method))

if __name__ == "__main__":
    sys.exit(main())
