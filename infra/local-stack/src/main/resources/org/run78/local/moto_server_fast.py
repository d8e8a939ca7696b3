"""moto_server, with one fix to its speed (not to its behaviour).

moto 5.x backs up every table a TransactWriteItems touches before applying it, so that a
cancelled transaction changes nothing. It deep-copies the table once per *action*, so a
100-action transaction on a ledger of thousands of items makes 100 copies of the whole
table, and a test of thousands of donations runs for many minutes and many gigabytes.
Here each table is copied once per transaction: the same backup, the same semantics.
"""
import copy
import sys
import threading

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models.table import Table
from moto.server import main

_transaction = threading.local()


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


dynamodb_models.copy = _CopyEachTableOncePerTransaction()
dynamodb_models.DynamoDBBackend.transact_write_items = _transact_write_items

if __name__ == "__main__":
    sys.exit(main())
