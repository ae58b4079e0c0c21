-- GenomDE schema 008: checkpoints carry the Merkle root over their first seq entries (RFC 9162
-- tree head, hex), which the checkpoint's signature covers (text v2, docs/security.md).
--
-- Nullable: checkpoints signed before this script have no root and keep verifying with the v1
-- text they were signed over; they cannot anchor inclusion proofs. Adding a column is no UPDATE,
-- so the append-only triggers of 007 stay as they are, and the table's grants cover the column.

ALTER TABLE genomde_audit_checkpoints ADD COLUMN IF NOT EXISTS merkle_root text;
