"""The translating core: pasted text → clean text → blocks and sentences → engine → aligned document.

`bitexto.translate.pipeline` is the library's front door; `bitexto.translate.document` holds
the one domain type every surface renders.
"""
