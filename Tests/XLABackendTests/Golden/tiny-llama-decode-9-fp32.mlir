module @portbench {
  func.func public @main(%arg0: tensor<2x32xf32>, %arg1: tensor<4x8x10xf32> {tf.aliasing_output = 1 : i32}, %arg2: tensor<4x10x8xf32> {tf.aliasing_output = 2 : i32}, %arg3: tensor<32xf32>, %arg4: tensor<32x32xf32>, %arg5: tensor<16x32xf32>, %arg6: tensor<16x32xf32>, %arg7: tensor<32x32xf32>, %arg8: tensor<32xf32>, %arg9: tensor<64x32xf32>, %arg10: tensor<64x32xf32>, %arg11: tensor<32x64xf32>) -> (tensor<2x32xf32>, tensor<4x8x10xf32>, tensor<4x10x8xf32>) {
    %v1 = stablehlo.multiply %arg0, %arg0 : tensor<2x32xf32>
    %v3 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v2 = stablehlo.reduce(%v1 init: %v3) applies stablehlo.add across dimensions = [1] : (tensor<2x32xf32>, tensor<f32>) -> tensor<2xf32>
    %v4 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v5 = stablehlo.broadcast_in_dim %v4, dims = [] : (tensor<f32>) -> tensor<2xf32>
    %v6 = stablehlo.divide %v2, %v5 : tensor<2xf32>
    %v7 = stablehlo.constant dense<1.000000000e-05> : tensor<f32>
    %v8 = stablehlo.broadcast_in_dim %v7, dims = [] : (tensor<f32>) -> tensor<2xf32>
    %v9 = stablehlo.add %v6, %v8 : tensor<2xf32>
    %v10 = stablehlo.rsqrt %v9 : tensor<2xf32>
    %v11 = stablehlo.broadcast_in_dim %v10, dims = [0] : (tensor<2xf32>) -> tensor<2x32xf32>
    %v12 = stablehlo.multiply %arg0, %v11 : tensor<2x32xf32>
    %v13 = stablehlo.broadcast_in_dim %arg3, dims = [1] : (tensor<32xf32>) -> tensor<2x32xf32>
    %v14 = stablehlo.multiply %v12, %v13 : tensor<2x32xf32>
    %v15 = stablehlo.dot_general %v14, %arg4, contracting_dims = [1] x [1] : (tensor<2x32xf32>, tensor<32x32xf32>) -> tensor<2x32xf32>
    %v16 = stablehlo.dot_general %v14, %arg5, contracting_dims = [1] x [1] : (tensor<2x32xf32>, tensor<16x32xf32>) -> tensor<2x16xf32>
    %v17 = stablehlo.dot_general %v14, %arg6, contracting_dims = [1] x [1] : (tensor<2x32xf32>, tensor<16x32xf32>) -> tensor<2x16xf32>
    %v18 = stablehlo.constant dense<[-9.111302495e-01, 6.216099858e-01, 9.959527254e-01, 9.999595284e-01]> : tensor<4xf32>
    %v19 = stablehlo.reshape %v18 : (tensor<4xf32>) -> tensor<1x4xf32>
    %v20 = stablehlo.broadcast_in_dim %v19, dims = [1, 3] : (tensor<1x4xf32>) -> tensor<2x1x4x4xf32>
    %v21 = stablehlo.constant dense<[4.121184945e-01, 7.833269238e-01, 8.987855166e-02, 8.999878541e-03]> : tensor<4xf32>
    %v22 = stablehlo.reshape %v21 : (tensor<4xf32>) -> tensor<1x4xf32>
    %v23 = stablehlo.broadcast_in_dim %v22, dims = [1, 3] : (tensor<1x4xf32>) -> tensor<2x1x4x4xf32>
    %v24 = stablehlo.reshape %v15 : (tensor<2x32xf32>) -> tensor<2x1x4x8xf32>
    %v25 = stablehlo.slice %v24 [0:2, 0:1, 0:4, 0:4] : (tensor<2x1x4x8xf32>) -> tensor<2x1x4x4xf32>
    %v26 = stablehlo.slice %v24 [0:2, 0:1, 0:4, 4:8] : (tensor<2x1x4x8xf32>) -> tensor<2x1x4x4xf32>
    %v27 = stablehlo.multiply %v25, %v20 : tensor<2x1x4x4xf32>
    %v28 = stablehlo.multiply %v26, %v23 : tensor<2x1x4x4xf32>
    %v29 = stablehlo.subtract %v27, %v28 : tensor<2x1x4x4xf32>
    %v30 = stablehlo.multiply %v26, %v20 : tensor<2x1x4x4xf32>
    %v31 = stablehlo.multiply %v25, %v23 : tensor<2x1x4x4xf32>
    %v32 = stablehlo.add %v30, %v31 : tensor<2x1x4x4xf32>
    %v33 = stablehlo.concatenate %v29, %v32, dim = 3 : (tensor<2x1x4x4xf32>, tensor<2x1x4x4xf32>) -> tensor<2x1x4x8xf32>
    %v34 = stablehlo.reshape %v33 : (tensor<2x1x4x8xf32>) -> tensor<2x32xf32>
    %v35 = stablehlo.constant dense<[-9.111302495e-01, 6.216099858e-01, 9.959527254e-01, 9.999595284e-01]> : tensor<4xf32>
    %v36 = stablehlo.reshape %v35 : (tensor<4xf32>) -> tensor<1x4xf32>
    %v37 = stablehlo.broadcast_in_dim %v36, dims = [1, 3] : (tensor<1x4xf32>) -> tensor<2x1x2x4xf32>
    %v38 = stablehlo.constant dense<[4.121184945e-01, 7.833269238e-01, 8.987855166e-02, 8.999878541e-03]> : tensor<4xf32>
    %v39 = stablehlo.reshape %v38 : (tensor<4xf32>) -> tensor<1x4xf32>
    %v40 = stablehlo.broadcast_in_dim %v39, dims = [1, 3] : (tensor<1x4xf32>) -> tensor<2x1x2x4xf32>
    %v41 = stablehlo.reshape %v16 : (tensor<2x16xf32>) -> tensor<2x1x2x8xf32>
    %v42 = stablehlo.slice %v41 [0:2, 0:1, 0:2, 0:4] : (tensor<2x1x2x8xf32>) -> tensor<2x1x2x4xf32>
    %v43 = stablehlo.slice %v41 [0:2, 0:1, 0:2, 4:8] : (tensor<2x1x2x8xf32>) -> tensor<2x1x2x4xf32>
    %v44 = stablehlo.multiply %v42, %v37 : tensor<2x1x2x4xf32>
    %v45 = stablehlo.multiply %v43, %v40 : tensor<2x1x2x4xf32>
    %v46 = stablehlo.subtract %v44, %v45 : tensor<2x1x2x4xf32>
    %v47 = stablehlo.multiply %v43, %v37 : tensor<2x1x2x4xf32>
    %v48 = stablehlo.multiply %v42, %v40 : tensor<2x1x2x4xf32>
    %v49 = stablehlo.add %v47, %v48 : tensor<2x1x2x4xf32>
    %v50 = stablehlo.concatenate %v46, %v49, dim = 3 : (tensor<2x1x2x4xf32>, tensor<2x1x2x4xf32>) -> tensor<2x1x2x8xf32>
    %v51 = stablehlo.reshape %v50 : (tensor<2x1x2x8xf32>) -> tensor<2x16xf32>
    %v52 = stablehlo.reshape %v51 : (tensor<2x16xf32>) -> tensor<2x1x2x8xf32>
    %v53 = stablehlo.transpose %v52, dims = [0, 2, 3, 1] : (tensor<2x1x2x8xf32>) -> tensor<2x2x8x1xf32>
    %v54 = stablehlo.reshape %v53 : (tensor<2x2x8x1xf32>) -> tensor<4x8x1xf32>
    %v55 = stablehlo.constant dense<0> : tensor<i32>
    %v56 = stablehlo.constant dense<0> : tensor<i32>
    %v57 = stablehlo.constant dense<9> : tensor<i32>
    %v58 = stablehlo.dynamic_update_slice %arg1, %v54, %v55, %v56, %v57 : (tensor<4x8x10xf32>, tensor<4x8x1xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<4x8x10xf32>
    %v59 = stablehlo.reshape %v17 : (tensor<2x16xf32>) -> tensor<2x1x2x8xf32>
    %v60 = stablehlo.transpose %v59, dims = [0, 2, 1, 3] : (tensor<2x1x2x8xf32>) -> tensor<2x2x1x8xf32>
    %v61 = stablehlo.reshape %v60 : (tensor<2x2x1x8xf32>) -> tensor<4x1x8xf32>
    %v62 = stablehlo.constant dense<0> : tensor<i32>
    %v63 = stablehlo.constant dense<9> : tensor<i32>
    %v64 = stablehlo.constant dense<0> : tensor<i32>
    %v65 = stablehlo.dynamic_update_slice %arg2, %v61, %v62, %v63, %v64 : (tensor<4x10x8xf32>, tensor<4x1x8xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<4x10x8xf32>
    %v66 = stablehlo.reshape %v34 : (tensor<2x32xf32>) -> tensor<2x1x2x2x8xf32>
    %v67 = stablehlo.transpose %v66, dims = [0, 2, 1, 3, 4] : (tensor<2x1x2x2x8xf32>) -> tensor<2x2x1x2x8xf32>
    %v68 = stablehlo.reshape %v67 : (tensor<2x2x1x2x8xf32>) -> tensor<4x2x8xf32>
    %v69 = stablehlo.dot_general %v68, %v58, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<4x2x8xf32>, tensor<4x8x10xf32>) -> tensor<4x2x10xf32>
    %v70 = stablehlo.reshape %v69 : (tensor<4x2x10xf32>) -> tensor<2x2x1x2x10xf32>
    %v71 = stablehlo.constant dense<3.535533845e-01> : tensor<f32>
    %v72 = stablehlo.broadcast_in_dim %v71, dims = [] : (tensor<f32>) -> tensor<2x2x1x2x10xf32>
    %v73 = stablehlo.multiply %v70, %v72 : tensor<2x2x1x2x10xf32>
    %v74 = stablehlo.iota dim = 2 : tensor<2x2x1x2x10xi32>
    %v75 = stablehlo.constant dense<9> : tensor<i32>
    %v76 = stablehlo.broadcast_in_dim %v75, dims = [] : (tensor<i32>) -> tensor<2x2x1x2x10xi32>
    %v77 = stablehlo.add %v74, %v76 : tensor<2x2x1x2x10xi32>
    %v78 = stablehlo.iota dim = 4 : tensor<2x2x1x2x10xi32>
    %v79 = stablehlo.compare LE, %v78, %v77, SIGNED : (tensor<2x2x1x2x10xi32>, tensor<2x2x1x2x10xi32>) -> tensor<2x2x1x2x10xi1>
    %v80 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v81 = stablehlo.broadcast_in_dim %v80, dims = [] : (tensor<f32>) -> tensor<2x2x1x2x10xf32>
    %v82 = stablehlo.select %v79, %v73, %v81 : tensor<2x2x1x2x10xi1>, tensor<2x2x1x2x10xf32>
    %v84 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v83 = stablehlo.reduce(%v82 init: %v84) applies stablehlo.maximum across dimensions = [4] : (tensor<2x2x1x2x10xf32>, tensor<f32>) -> tensor<2x2x1x2xf32>
    %v85 = stablehlo.broadcast_in_dim %v83, dims = [0, 1, 2, 3] : (tensor<2x2x1x2xf32>) -> tensor<2x2x1x2x10xf32>
    %v86 = stablehlo.subtract %v82, %v85 : tensor<2x2x1x2x10xf32>
    %v87 = stablehlo.exponential %v86 : tensor<2x2x1x2x10xf32>
    %v89 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v88 = stablehlo.reduce(%v87 init: %v89) applies stablehlo.add across dimensions = [4] : (tensor<2x2x1x2x10xf32>, tensor<f32>) -> tensor<2x2x1x2xf32>
    %v90 = stablehlo.broadcast_in_dim %v88, dims = [0, 1, 2, 3] : (tensor<2x2x1x2xf32>) -> tensor<2x2x1x2x10xf32>
    %v91 = stablehlo.divide %v87, %v90 : tensor<2x2x1x2x10xf32>
    %v92 = stablehlo.reshape %v91 : (tensor<2x2x1x2x10xf32>) -> tensor<4x2x10xf32>
    %v93 = stablehlo.dot_general %v92, %v65, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<4x2x10xf32>, tensor<4x10x8xf32>) -> tensor<4x2x8xf32>
    %v94 = stablehlo.reshape %v93 : (tensor<4x2x8xf32>) -> tensor<2x2x1x2x8xf32>
    %v95 = stablehlo.transpose %v94, dims = [0, 2, 1, 3, 4] : (tensor<2x2x1x2x8xf32>) -> tensor<2x1x2x2x8xf32>
    %v96 = stablehlo.reshape %v95 : (tensor<2x1x2x2x8xf32>) -> tensor<2x32xf32>
    %v97 = stablehlo.dot_general %v96, %arg7, contracting_dims = [1] x [1] : (tensor<2x32xf32>, tensor<32x32xf32>) -> tensor<2x32xf32>
    %v98 = stablehlo.add %arg0, %v97 : tensor<2x32xf32>
    %v99 = stablehlo.multiply %v98, %v98 : tensor<2x32xf32>
    %v101 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v100 = stablehlo.reduce(%v99 init: %v101) applies stablehlo.add across dimensions = [1] : (tensor<2x32xf32>, tensor<f32>) -> tensor<2xf32>
    %v102 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v103 = stablehlo.broadcast_in_dim %v102, dims = [] : (tensor<f32>) -> tensor<2xf32>
    %v104 = stablehlo.divide %v100, %v103 : tensor<2xf32>
    %v105 = stablehlo.constant dense<1.000000000e-05> : tensor<f32>
    %v106 = stablehlo.broadcast_in_dim %v105, dims = [] : (tensor<f32>) -> tensor<2xf32>
    %v107 = stablehlo.add %v104, %v106 : tensor<2xf32>
    %v108 = stablehlo.rsqrt %v107 : tensor<2xf32>
    %v109 = stablehlo.broadcast_in_dim %v108, dims = [0] : (tensor<2xf32>) -> tensor<2x32xf32>
    %v110 = stablehlo.multiply %v98, %v109 : tensor<2x32xf32>
    %v111 = stablehlo.broadcast_in_dim %arg8, dims = [1] : (tensor<32xf32>) -> tensor<2x32xf32>
    %v112 = stablehlo.multiply %v110, %v111 : tensor<2x32xf32>
    %v113 = stablehlo.dot_general %v112, %arg9, contracting_dims = [1] x [1] : (tensor<2x32xf32>, tensor<64x32xf32>) -> tensor<2x64xf32>
    %v114 = stablehlo.dot_general %v112, %arg10, contracting_dims = [1] x [1] : (tensor<2x32xf32>, tensor<64x32xf32>) -> tensor<2x64xf32>
    %v115 = stablehlo.logistic %v113 : tensor<2x64xf32>
    %v116 = stablehlo.multiply %v113, %v115 : tensor<2x64xf32>
    %v117 = stablehlo.multiply %v116, %v114 : tensor<2x64xf32>
    %v118 = stablehlo.dot_general %v117, %arg11, contracting_dims = [1] x [1] : (tensor<2x64xf32>, tensor<32x64xf32>) -> tensor<2x32xf32>
    %v119 = stablehlo.add %v98, %v118 : tensor<2x32xf32>
    return %v119, %v58, %v65 : tensor<2x32xf32>, tensor<4x8x10xf32>, tensor<4x10x8xf32>
  }
}
